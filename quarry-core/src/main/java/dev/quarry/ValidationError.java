package dev.quarry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code fullClean()} found invalid values: messages per field ({@link #fieldErrors()}) and for the
 * instance as a whole ({@link #nonFieldErrors()}). Serializable, so it can cross a process boundary.
 */
public class ValidationError extends QuarryException {
    private static final long serialVersionUID = 2L;
    /** Messages per field name, in the order the fields were checked. */
    private final LinkedHashMap<String, ArrayList<String>> fieldErrors;
    /** Messages about the instance as a whole. */
    private final ArrayList<String> nonFieldErrors;

    /** Errors of these fields, by field name. */
    public ValidationError(Map<String, List<String>> fieldErrors) {
        this(fieldErrors, List.of());
    }

    /** Errors of these fields, by field name, and errors of the whole instance. */
    public ValidationError(Map<String, List<String>> fieldErrors, List<String> nonFieldErrors) {
        super(describe(fieldErrors, nonFieldErrors));
        this.fieldErrors = new LinkedHashMap<>();
        fieldErrors.forEach((k, v) -> this.fieldErrors.put(k, new ArrayList<>(v)));
        this.nonFieldErrors = new ArrayList<>(nonFieldErrors);
    }

    private static String describe(Map<String, List<String>> fields, List<String> other) {
        StringBuilder sb = new StringBuilder("Validation failed:");
        fields.forEach((k, v) -> sb.append(' ').append(k).append(": ").append(String.join(" ", v)).append(';'));
        other.forEach(m -> sb.append(' ').append(m).append(';'));
        return sb.toString();
    }

    /** The messages of each invalid field, by field name, in field order. */
    public Map<String, List<String>> fieldErrors() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        fieldErrors.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return java.util.Collections.unmodifiableMap(out);
    }

    /** The messages that concern the instance as a whole (Django's {@code NON_FIELD_ERRORS}). */
    public List<String> nonFieldErrors() {
        return List.copyOf(nonFieldErrors);
    }
}
