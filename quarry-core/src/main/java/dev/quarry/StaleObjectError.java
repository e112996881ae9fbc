package dev.quarry;

/**
 * {@code save()} of an optimistically locked instance ({@code @VersionField}) found its row changed
 * or deleted by someone else since the instance was loaded: the UPDATE matched no row with the
 * version the instance holds, so nothing was written. A {@link TransactionConflictError}: run the
 * unit of work again (load, change, save) and it may succeed. The message names the model and the
 * version; the key is in {@link #key()}, never in the message (ADR 0010).
 */
public class StaleObjectError extends TransactionConflictError {
    private static final long serialVersionUID = 1L;
    private final transient Class<?> model;
    private final transient Object key;
    /** The version the instance held when it was saved. */
    private final long version;

    /** A stale save of the {@code model} row with primary key {@code key}, loaded at {@code version}, by the UPDATE {@code sql}. */
    public StaleObjectError(Class<?> model, Object key, long version, String sql) {
        super(String.format("Stale save of a %s: its row was changed or deleted by someone else since it was loaded "
                + "at version %d, so nothing was written (the key is in key()). Load it again, repeat the change and "
                + "save, or run the whole transaction again", model.getSimpleName(), version), null, 0, sql, null);
        this.model = model;
        this.key = key;
        this.version = version;
    }

    /** The model whose row was stale. */
    public Class<?> model() {
        return model;
    }

    /** The primary key of the stale row. */
    public Object key() {
        return key;
    }

    /** The version the instance was loaded with, which the row no longer has. */
    public long version() {
        return version;
    }
}
