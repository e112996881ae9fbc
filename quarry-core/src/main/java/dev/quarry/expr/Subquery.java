package dev.quarry.expr;

import dev.quarry.Queryable;
import java.util.Objects;

/**
 * The value of a query that selects one column, inside another:
 * {@code Subquery.of(Book.objects.filter("author", OuterRef.of("pk")).orderBy("-published").values("title").limit(1))}.
 * The inner query refers to the outer one with {@link OuterRef}; it must select exactly one value
 * ({@code values("x")} or {@code valuesList("x", ...)}) and, as an annotation, give at most one row.
 *
 * @param query the inner query
 * @param type the Java type of its value
 * @param <V> the Java type of its value
 */
public record Subquery<V>(Queryable<?, ?> query, Class<V> type) implements Expression<V> {
    /** Checks the parts. */
    public Subquery {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(type, "type");
    }

    /** The value of {@code query}'s one column. */
    public static Subquery<Object> of(Queryable<?, ?> query) {
        return new Subquery<>(query, Object.class);
    }

    /** The value of {@code query}'s one column, as {@code type} (checked against the column when resolved). */
    public static <V> Subquery<V> of(Queryable<?, ?> query, Class<V> type) {
        return new Subquery<>(query, type);
    }

    @Override
    public String toString() {
        return "Subquery(" + query + ")";
    }
}
