package dev.quarry;

/** get() found no row; the message names the model and the lookup. */
public class DoesNotExist extends QuarryException {
    private static final long serialVersionUID = 1L;

    public DoesNotExist(String message) {
        super(message);
    }
}
