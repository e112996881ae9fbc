package dev.quarry;

/** A delete was refused because RESTRICT foreign keys refer to rows outside the cascade. */
public class RestrictedError extends QuarryException {
    private static final long serialVersionUID = 1L;

    public RestrictedError(String message) {
        super(message);
    }
}
