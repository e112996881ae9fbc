package dev.quarry.db;

import java.sql.SQLException;

/** A function over a JDBC object that may throw {@link SQLException}. */
@FunctionalInterface
public interface SqlFunction<T, R> {
    R apply(T t) throws SQLException;
}
