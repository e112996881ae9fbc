package dev.quarry.spi;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads one column of the current row into its Java value; one per field type and backend. */
@FunctionalInterface
public interface ColumnReader {
    /**
     * The value at this 1-based column index, or {@code null}.
     *
     * @throws SQLException if the driver cannot read the column
     */
    Object read(ResultSet rs, int index) throws SQLException;
}
