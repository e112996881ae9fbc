package dev.quarry;

import java.util.List;

/**
 * One statement Quarry ran: its SQL, bind parameters, the SQL with values inlined for reading, and its time in
 * nanoseconds (0 for a statement that began before the first listener was added, when nothing was timing it).
 */
public record ExecutedQuery(String sql, List<Object> params, String inlined, long nanos) {
    @Override
    public String toString() {
        return inlined;
    }
}
