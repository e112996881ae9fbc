package dev.quarry;

/** get() found more than one row; the message names the model, the lookup and how many. */
public class MultipleObjectsReturned extends QuarryException {
    private static final long serialVersionUID = 1L;

    public MultipleObjectsReturned(String message) {
        super(message);
    }
}
