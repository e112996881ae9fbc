package dev.quarry.spi;

import java.util.Objects;

/**
 * A named table-level CHECK constraint as the schema editor sees it (Django's {@code CheckConstraint}):
 * its name and its condition, SQL over the table's columns written as it stands in {@code CHECK (...)}.
 *
 * @param name the constraint name, unique in its table
 * @param condition the SQL condition ({@code price >= 0})
 */
public record CheckDef(String name, String condition) {
    /** Refuses a blank name or condition. */
    public CheckDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(condition, "condition");
        if (name.isBlank() || condition.isBlank()) {
            throw new IllegalArgumentException("A check constraint needs a name and a condition; got name '" + name
                    + "' and condition '" + condition + "'");
        }
    }
}
