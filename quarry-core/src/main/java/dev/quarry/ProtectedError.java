package dev.quarry;

import java.util.List;

/** A delete refused because PROTECT foreign keys refer to the rows being deleted; see {@link BlockedDeletionError}. */
public class ProtectedError extends BlockedDeletionError {
    private static final long serialVersionUID = 3L;

    /** A refusal: {@code blockingObjects} of {@code blockingModel} (keys {@code blockingKeys}) still refer to the rows. */
    public ProtectedError(String message, Class<?> blockingModel, List<?> blockingKeys, List<? extends Model> blockingObjects) {
        super(message, blockingModel, blockingKeys, blockingObjects);
    }
}
