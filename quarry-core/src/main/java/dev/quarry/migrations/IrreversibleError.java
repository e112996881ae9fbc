package dev.quarry.migrations;

/** Unapplying was asked of a migration holding an operation that cannot be reversed (Django's {@code IrreversibleError}). */
public class IrreversibleError extends MigrationError {
    private static final long serialVersionUID = 1L;

    /** An error with this message. */
    public IrreversibleError(String message) {
        super(message);
    }
}
