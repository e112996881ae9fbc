package dev.quarry.expr;

import java.util.Objects;

/**
 * An aggregate over a lookup path ({@code avg("review__rating")}), resolved against a model when
 * passed to {@code annotate} or {@code aggregate}. A value: {@link #distinct()} returns a copy.
 */
public record Aggregate(AggregateFunction function, String path, boolean isDistinct) {
    public Aggregate {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(path, "path");
        if (path.isBlank()) {
            throw new IllegalArgumentException(function + " needs a field path");
        }
    }

    /** The same aggregate over distinct values ({@code COUNT(DISTINCT ...)}). */
    public Aggregate distinct() {
        return new Aggregate(function, path, true);
    }

    /** The default alias Django gives it: {@code <path>__<function>} ({@code rating__avg}). */
    public String defaultAlias() {
        return path + "__" + function.name().toLowerCase(java.util.Locale.ROOT);
    }
}
