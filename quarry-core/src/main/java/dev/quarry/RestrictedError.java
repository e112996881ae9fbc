package dev.quarry;

import java.util.List;

/** A delete refused because RESTRICT foreign keys refer to the rows being deleted; see {@link BlockedDeletionError}. */
public class RestrictedError extends BlockedDeletionError {
    private static final long serialVersionUID = 3L;

    /** A refusal: {@code blockingObjects} of {@code blockingModel} (keys {@code blockingKeys}) still refer to the rows. */
    public RestrictedError(String message, Class<?> blockingModel, List<?> blockingKeys, List<? extends Model> blockingObjects) {
        super(message, blockingModel, blockingKeys, blockingObjects);
    }
}
