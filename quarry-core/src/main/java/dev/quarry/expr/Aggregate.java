package dev.quarry.expr;

import java.util.Locale;
import java.util.Objects;

/**
 * An aggregate over a lookup path ({@code avg("review__rating")}), typed by its result: a count is
 * a {@code Long}, an average a {@code Double}. Resolved against a model when passed to
 * {@code annotate} or {@code aggregate}; a {@code type} that cannot hold the result there (a
 * {@code LocalDate} for the max of a title) fails then. A value: {@link #distinct()} returns a copy.
 *
 * @param function the SQL aggregate function
 * @param path the lookup path it aggregates ({@code books__review__rating})
 * @param isDistinct whether each distinct value counts once
 * @param type the Java type of the result
 * @param <V> the Java type of the result
 */
public record Aggregate<V>(AggregateFunction function, String path, boolean isDistinct, Class<V> type)
        implements Expression<V> {
    /** Checks the parts: a function, a non-blank path and a result type. */
    public Aggregate {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        if (path.isBlank()) {
            throw new dev.quarry.FieldError(function + " needs a field path such as \"books\" or \"review__rating\"");
        }
    }

    /** The same aggregate over distinct values ({@code COUNT(DISTINCT ...)}). */
    public Aggregate<V> distinct() {
        return new Aggregate<>(function, path, true, type);
    }

    /** The default alias Django gives it: {@code <path>__<function>} ({@code rating__avg}). */
    public String defaultAlias() {
        return path + "__" + function.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return function.name().charAt(0) + function.name().substring(1).toLowerCase(Locale.ROOT) + "('" + path + "'"
                + (isDistinct ? ", distinct" : "") + ")";
    }
}
