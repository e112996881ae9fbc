package dev.quarry.db;

import java.sql.SQLException;

/** A function over a JDBC object that may throw {@link SQLException}. */
@FunctionalInterface
public interface SqlFunction<T, R> {
    /**
     * Applies the function.
     *
     * @throws SQLException if the JDBC work fails
     */
    R apply(T t) throws SQLException;
}
