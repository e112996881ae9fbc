package dev.quarry;

/**
 * What {@code selectForUpdate(...)} does when a row it wants is locked by another transaction
 * (Django's {@code nowait} and {@code skip_locked}, which exclude each other).
 */
public enum OnLocked {
    /** Waits until the other transaction ends (plain {@code FOR UPDATE}). */
    WAIT,
    /** Fails at once ({@code FOR UPDATE NOWAIT}): an {@link OperationalError} on PostgreSQL, a {@link TransactionConflictError} on MariaDB. */
    NOWAIT,
    /** Leaves locked rows out of the result ({@code FOR UPDATE SKIP LOCKED}), as a work queue wants. */
    SKIP_LOCKED
}
