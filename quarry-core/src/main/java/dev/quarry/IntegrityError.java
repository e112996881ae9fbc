package dev.quarry;

/** The database refused a write that breaks a constraint (unique, foreign key, NOT NULL, CHECK). */
public class IntegrityError extends QuarryException {
    private static final long serialVersionUID = 1L;

    public IntegrityError(String message, Throwable cause) {
        super(message, cause);
    }
}
