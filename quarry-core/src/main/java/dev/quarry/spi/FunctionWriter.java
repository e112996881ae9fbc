package dev.quarry.spi;

import java.util.List;

/**
 * How a backend writes one of Quarry's built-in functions when the standard SQL does not work on
 * its database (MariaDB's {@code CHAR_LENGTH} for {@code Length}); returned by
 * {@link Operations#function(String)} for the function's name.
 */
@FunctionalInterface
public interface FunctionWriter {
    /**
     * Writes the call; each of {@code arguments} writes one argument (and may run more than once),
     * {@code types} are their kinds, {@code result} the call's.
     */
    void write(SqlWriter w, List<Runnable> arguments, List<FieldType> types, FieldType result);
}
