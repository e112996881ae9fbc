package dev.quarry;

import java.util.List;

/**
 * A delete refused because rows of another model still refer to the rows being deleted through
 * an on-delete rule that forbids it: {@link ProtectedError} (PROTECT) or {@link RestrictedError}
 * (RESTRICT). Carries the blocking rows' model, all their keys, and the first of them as loaded
 * instances. As in Django, an {@link IntegrityError}.
 */
public abstract class BlockedDeletionError extends IntegrityError {
    private static final long serialVersionUID = 1L;
    private final transient Class<?> blockingModel;
    /** The primary keys of the rows that block the deletion. */
    private final List<Object> blockingKeys;
    private final transient List<? extends Model> blockingObjects;

    /** A refusal: {@code blockingObjects} of {@code blockingModel} (keys {@code blockingKeys}) still refer to the rows. */
    protected BlockedDeletionError(String message, Class<?> blockingModel, List<?> blockingKeys,
                                   List<? extends Model> blockingObjects) {
        super(message);
        this.blockingModel = blockingModel;
        this.blockingKeys = List.copyOf(blockingKeys);
        this.blockingObjects = List.copyOf(blockingObjects);
    }

    /** The model of the rows that block the delete. */
    public Class<?> blockingModel() {
        return blockingModel;
    }

    /** The primary keys of every blocking row. */
    public List<Object> blockingKeys() {
        return blockingKeys;
    }

    /** The first blocking rows (up to 100), as instances loaded in the refused transaction. */
    public List<? extends Model> blockingObjects() {
        return blockingObjects == null ? List.of() : blockingObjects;
    }
}
