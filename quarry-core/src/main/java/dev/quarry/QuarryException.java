package dev.quarry;

/** The root of every exception Quarry throws; all are unchecked. */
public class QuarryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An error with this message. */
    public QuarryException(String message) {
        super(message);
    }

    /** An error with this message, caused by {@code cause}. */
    public QuarryException(String message, Throwable cause) {
        super(message, cause);
    }
}
