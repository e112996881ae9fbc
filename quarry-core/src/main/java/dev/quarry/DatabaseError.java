package dev.quarry;

/**
 * The database refused a statement. Carries the SQL state and vendor code so that callers can tell
 * a constraint violation from a lost connection or a serialization failure; the message shows the
 * statement with {@code ?} placeholders and the number of values, never the values themselves.
 * Subclasses follow Django's (and PEP 249's) families.
 */
public class DatabaseError extends QuarryException {
    private static final long serialVersionUID = 1L;
    /** The SQLSTATE the driver reported, or {@code null}. */
    private final String sqlState;
    /** The database's own error code, or 0. */
    private final int vendorCode;
    /** The statement with {@code ?} placeholders, or {@code null}. */
    private final String sql;

    /** An error of the statement {@code sql} (with placeholders; may be {@code null}). */
    public DatabaseError(String message, String sqlState, int vendorCode, String sql, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
        this.vendorCode = vendorCode;
        this.sql = sql;
    }

    /** The five-character SQLSTATE the driver reported, or {@code null}. */
    public String sqlState() {
        return sqlState;
    }

    /** The database's own error code (MariaDB's 1062, SQLite's 19), or 0. */
    public int vendorCode() {
        return vendorCode;
    }

    /** The failing statement with {@code ?} placeholders, or {@code null} when none was running. */
    public String sql() {
        return sql;
    }

    /** Whether running the same transaction again may succeed (a serialization failure, a deadlock, a busy database). */
    public boolean isRetryable() {
        return false;
    }
}
