package dev.quarry;

/** The statement itself is wrong for this database: a missing table or column, a syntax error. */
public class ProgrammingError extends DatabaseError {
    private static final long serialVersionUID = 1L;

    /** A statement error while running {@code sql}. */
    public ProgrammingError(String message, String sqlState, int vendorCode, String sql, Throwable cause) {
        super(message, sqlState, vendorCode, sql, cause);
    }
}
