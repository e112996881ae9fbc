package dev.quarry.migrations;

import dev.quarry.QuarryException;

/**
 * A migration cannot be planned, applied or unapplied: an unknown model, field or migration, a
 * dependency cycle, a field that needs a default, or a run that stopped half-way (the message says where
 * and how to resume).
 */
public class MigrationError extends QuarryException {
    private static final long serialVersionUID = 1L;

    /** An error with this message. */
    public MigrationError(String message) {
        super(message);
    }

    /** An error with this message, caused by {@code cause}. */
    public MigrationError(String message, Throwable cause) {
        super(message, cause);
    }
}
