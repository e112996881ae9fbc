package dev.quarry;

/** A write would break a constraint: unique, foreign key, NOT NULL, CHECK, or an on-delete rule. */
public class IntegrityError extends DatabaseError {
    private static final long serialVersionUID = 2L;

    /** A constraint violation reported by the database while running {@code sql}. */
    public IntegrityError(String message, String sqlState, int vendorCode, String sql, Throwable cause) {
        super(message, sqlState, vendorCode, sql, cause);
    }

    /** A violation Quarry detected itself, before sending any SQL. */
    public IntegrityError(String message) {
        super(message, null, 0, null, null);
    }
}
