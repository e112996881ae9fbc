package dev.quarry;

/**
 * A transaction was used in a way that cannot work, found before or instead of running SQL:
 * {@code selectForUpdate()} outside a transaction, a nested block asking for another isolation
 * level, a durable block inside another, a statement after an error that the same atomic block
 * caught, or a block that exits normally after such an error (it is rolled back). Django's name;
 * there it is a {@code ProgrammingError}, here it is outside {@link DatabaseError} because no
 * database refused anything.
 */
public class TransactionManagementError extends QuarryException {
    private static final long serialVersionUID = 1L;

    /** An error with this message, which says the fix. */
    public TransactionManagementError(String message) {
        super(message);
    }

    /** An error with this message, caused by {@code cause} (the statement error the block caught). */
    public TransactionManagementError(String message, Throwable cause) {
        super(message, cause);
    }
}
