package dev.quarry;

import java.util.List;

/**
 * A delete was refused because RESTRICT foreign keys refer to the rows being deleted. Carries the
 * blocking rows' model, their keys and the blocking instances (loaded in the refused transaction).
 * As in Django, it is an {@link IntegrityError}.
 */
public class RestrictedError extends IntegrityError {
    private static final long serialVersionUID = 2L;
    private final transient Class<?> blockingModel;
    private final List<Object> blockingKeys;
    private final transient List<? extends Model> blockingObjects;

    /** A refusal: {@code blockingObjects} of {@code blockingModel} (keys {@code blockingKeys}) still refer to the rows. */
    public RestrictedError(String message, Class<?> blockingModel, List<?> blockingKeys, List<? extends Model> blockingObjects) {
        super(message);
        this.blockingModel = blockingModel;
        this.blockingKeys = List.copyOf(blockingKeys);
        this.blockingObjects = List.copyOf(blockingObjects);
    }

    /** The model of the rows that block the delete. */
    public Class<?> blockingModel() {
        return blockingModel;
    }

    /** The primary keys of the blocking rows. */
    public List<Object> blockingKeys() {
        return blockingKeys;
    }

    /** The blocking rows, as instances. */
    public List<? extends Model> blockingObjects() {
        return blockingObjects == null ? List.of() : blockingObjects;
    }
}
