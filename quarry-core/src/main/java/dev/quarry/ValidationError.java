package dev.quarry;

import java.util.List;
import java.util.Map;

/** {@code fullClean()} found invalid values; {@link #errors()} maps each field to its messages. */
public class ValidationError extends QuarryException {
    private static final long serialVersionUID = 1L;
    private final transient Map<String, List<String>> errors;

    public ValidationError(Map<String, List<String>> errors) {
        super("Validation failed: " + errors);
        this.errors = Map.copyOf(errors);
    }

    /** The messages of each invalid field, by field name. */
    public Map<String, List<String>> errors() {
        return errors;
    }
}
