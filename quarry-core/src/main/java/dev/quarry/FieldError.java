package dev.quarry;

/**
 * A lookup string, field name, relation or annotation alias names nothing on the model; the
 * message lists the valid choices and says the fix.
 */
public class FieldError extends QueryError {
    private static final long serialVersionUID = 1L;
    private final transient Class<?> model;
    /** The name that could not be resolved. */
    private final String name;

    /** An error about no particular model. */
    public FieldError(String message) {
        this(null, null, message);
    }

    /** An error about {@code name} on {@code model} (either may be {@code null}). */
    public FieldError(Class<?> model, String name, String message) {
        super(message);
        this.model = model;
        this.name = name;
    }

    /** The model whose fields were searched, or {@code null} when unknown. */
    public Class<?> model() {
        return model;
    }

    /** The name that matched nothing, or {@code null} when unknown. */
    public String name() {
        return name;
    }
}
