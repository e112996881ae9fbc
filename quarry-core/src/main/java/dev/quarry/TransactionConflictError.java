package dev.quarry;

/**
 * The transaction lost a conflict with another one (a serialization failure, a deadlock, a busy
 * SQLite database) and was rolled back; running it again may succeed, so a retry loop catches this.
 */
public class TransactionConflictError extends OperationalError {
    private static final long serialVersionUID = 1L;

    /** A conflict reported while running {@code sql}. */
    public TransactionConflictError(String message, String sqlState, int vendorCode, String sql, Throwable cause) {
        super(message, sqlState, vendorCode, sql, cause);
    }

    /** Always {@code true}: the transaction may be run again. */
    @Override
    public boolean isRetryable() {
        return true;
    }
}
