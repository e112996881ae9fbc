package dev.quarry.expr;

import dev.quarry.Queryable;
import java.util.Objects;

/**
 * Whether a query, usually correlated with {@link OuterRef}, has any row: a boolean for
 * {@code annotate}, {@code orderBy} and {@code filter(Q.of(Exists.of(...)))}; {@link #negate()} is
 * NOT EXISTS.
 *
 * @param query the inner query
 * @param negated whether it is NOT EXISTS
 */
public record Exists(Queryable<?, ?> query, boolean negated) implements Expression<Boolean> {
    /** Checks the query. */
    public Exists {
        Objects.requireNonNull(query, "query");
    }

    /** Whether {@code query} has any row. */
    public static Exists of(Queryable<?, ?> query) {
        return new Exists(query, false);
    }

    /** Whether it has no row (NOT EXISTS). */
    public Exists negate() {
        return new Exists(query, !negated);
    }

    @Override
    public Class<Boolean> type() {
        return Boolean.class;
    }

    @Override
    public String toString() {
        return (negated ? "~" : "") + "Exists(" + query + ")";
    }
}
