package dev.quarry;

/** A delete was refused because PROTECT foreign keys still refer to the rows. */
public class ProtectedError extends QuarryException {
    private static final long serialVersionUID = 1L;

    public ProtectedError(String message) {
        super(message);
    }
}
