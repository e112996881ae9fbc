package dev.quarry;

/** The database refused a value: too long for its column, out of its type's range, not a valid date. */
public class DataError extends DatabaseError {
    private static final long serialVersionUID = 1L;

    /** A value refused while running {@code sql}. */
    public DataError(String message, String sqlState, int vendorCode, String sql, Throwable cause) {
        super(message, sqlState, vendorCode, sql, cause);
    }
}
