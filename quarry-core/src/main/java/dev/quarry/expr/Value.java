package dev.quarry.expr;

import java.util.Objects;

/**
 * A constant, sent as a bind parameter: {@code Value.of("new")}, {@code Value.of(null, String.class)}.
 *
 * @param value the constant, or {@code null}
 * @param type its Java type
 * @param <V> its Java type
 */
public record Value<V>(V value, Class<V> type) implements Expression<V> {
    /** Checks the parts. */
    public Value {
        Objects.requireNonNull(type, "type");
        if (value instanceof Expression<?>) {
            throw new dev.quarry.QueryError("Value() takes a constant, not an expression; use the expression itself");
        }
    }

    /** A non-null constant, typed by its class. */
    @SuppressWarnings("unchecked")
    public static <V> Value<V> of(V value) {
        Objects.requireNonNull(value, "value (use Value.of(null, type) for NULL)");
        return new Value<>(value, (Class<V>) value.getClass());
    }

    /** A constant of {@code type}, which may be {@code null} (SQL NULL). */
    public static <V> Value<V> of(V value, Class<V> type) {
        return new Value<>(value, type);
    }

    @Override
    public String toString() {
        return "Value(" + (value instanceof String s ? "'" + s + "'" : value) + ")";
    }
}
