package dev.quarry.spi;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The reader of a 64-bit integer column: {@code getLong}, or {@code null} for SQL NULL. The loader
 * recognises it and reads a foreign key column through {@code getLong} itself, keeping the key in the
 * row's {@code Ref} as a {@code long} rather than a box; a backend that reads such columns differently
 * returns its own reader, and the loader then stores the boxed value its reader gives.
 */
public final class LongColumn implements ColumnReader {
    /** The one instance. */
    public static final LongColumn INSTANCE = new LongColumn();

    private LongColumn() {}

    @Override
    public Object read(ResultSet rs, int index) throws SQLException {
        long v = rs.getLong(index);
        // getLong gives 0 for SQL NULL, so any other number is a value: wasNull (a native call on SQLite) is
        // asked only about a 0.
        return v == 0 && rs.wasNull() ? null : v;
    }
}
