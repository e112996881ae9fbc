package dev.quarry;

/**
 * The database could not run the statement for a reason outside the statement: a lost
 * connection, a timeout, a lock that could not be taken, a server shutting down.
 */
public class OperationalError extends DatabaseError {
    private static final long serialVersionUID = 1L;

    /** An operational failure while running {@code sql}. */
    public OperationalError(String message, String sqlState, int vendorCode, String sql, Throwable cause) {
        super(message, sqlState, vendorCode, sql, cause);
    }
}
