package dev.quarry.model;

import java.util.Map;

/**
 * How a field whose Java type is not its column kind's own type maps to the column: an enum stored by
 * name or code, an {@code OffsetDateTime} stored as an instant, a user's {@code FieldConverter}. The
 * stored side is the kind's own Java type ({@code String} for a CharField, {@code Long} or
 * {@code Integer} for integer kinds, {@code Instant} for a DateTimeField), so every lookup, default
 * and range check of the kind applies to it. Both directions throw a rejection saying
 * what was expected; {@link FieldMeta#toStored} and {@link FieldMeta#fromStored} name the field.
 */
public interface ValueConverter {
    /** The (boxed) Java type of the field's values. */
    Class<?> javaType();

    /** What the column stores for a field value (not {@code null}). */
    Object toStored(Object value);

    /** The field value for what the column stores (not {@code null}). */
    Object fromStored(Object stored);

    /**
     * The allowed values and their labels, in declaration order (an enum's constants), or an empty map
     * when any value of the Java type is allowed.
     */
    default Map<Object, String> choices() {
        return Map.of();
    }
}
