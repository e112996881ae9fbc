package dev.quarry;

/** The database does not support what the statement asks for (SQLSTATE class 0A). */
public class NotSupportedError extends DatabaseError {
    private static final long serialVersionUID = 1L;

    /** An unsupported feature reported while running {@code sql}. */
    public NotSupportedError(String message, String sqlState, int vendorCode, String sql, Throwable cause) {
        super(message, sqlState, vendorCode, sql, cause);
    }
}
