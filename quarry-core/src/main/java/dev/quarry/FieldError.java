package dev.quarry;

/** A lookup string, field name or expression names nothing on the model; the message lists the valid choices. */
public class FieldError extends QuarryException {
    private static final long serialVersionUID = 1L;

    public FieldError(String message) {
        super(message);
    }
}
