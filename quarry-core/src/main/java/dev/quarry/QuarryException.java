package dev.quarry;

/** The root of every exception Quarry throws; all are unchecked. */
public class QuarryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QuarryException(String message) {
        super(message);
    }

    public QuarryException(String message, Throwable cause) {
        super(message, cause);
    }
}
