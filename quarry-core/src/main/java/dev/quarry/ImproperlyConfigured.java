package dev.quarry;

/** The models or the setup are inconsistent: a bad target, a reverse-name clash, a missing option. */
public class ImproperlyConfigured extends QuarryException {
    private static final long serialVersionUID = 1L;

    /** A configuration error with this message (which says the fix). */
    public ImproperlyConfigured(String message) {
        super(message);
    }
}
