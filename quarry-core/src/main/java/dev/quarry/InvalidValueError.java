package dev.quarry;

import dev.quarry.internal.Excerpt;

/**
 * A value cannot be used for a field: text that is not a date, a number out of the field's range,
 * {@code null} for a primitive. The message names the model and field and shows a bounded excerpt
 * of the value.
 */
public class InvalidValueError extends QueryError {
    private static final long serialVersionUID = 1L;
    private final transient Class<?> model;
    /** The field whose value is invalid. */
    private final String field;

    /** An invalid value for {@code field} of {@code model}; {@code problem} says what was expected. */
    public InvalidValueError(Class<?> model, String field, Object value, String problem) {
        super(String.format("%s.%s: %s; got %s", model == null ? "?" : model.getSimpleName(), field, problem,
                Excerpt.of(value)));
        this.model = model;
        this.field = field;
    }

    /** An invalid value described by a full message (which must already bound any value it shows). */
    public InvalidValueError(Class<?> model, String field, String message) {
        super(message);
        this.model = model;
        this.field = field;
    }

    /** The model of the field, or {@code null} when the value was not for a model field. */
    public Class<?> model() {
        return model;
    }

    /** The field (or lookup subject) the value was for. */
    public String field() {
        return field;
    }
}
