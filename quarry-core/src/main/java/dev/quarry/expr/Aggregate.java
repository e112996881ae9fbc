package dev.quarry.expr;

import dev.quarry.Q;
import java.util.Locale;
import java.util.Objects;

/**
 * An aggregate over a lookup path or an expression ({@code avg("review__rating")},
 * {@code sum(F.of("price").times(F.of("stock")))}), optionally over only the rows matching a
 * condition ({@code count("books", Q.of("books__rating__gte", 4))}), typed by its result: a count
 * is a {@code Long}, an average a {@code Double}. Resolved against a model when passed to
 * {@code annotate} or {@code aggregate}; a {@code type} that cannot hold the result there (a
 * {@code LocalDate} for the max of a title) fails then. A value: {@link #distinct()} and
 * {@link #filter(Q)} return copies.
 *
 * @param function the SQL aggregate function
 * @param argument what it aggregates: a field path ({@link F}) or an expression
 * @param isDistinct whether each distinct value counts once
 * @param filter the rows it covers ({@link Q#all()}: every row)
 * @param type the Java type of the result
 * @param <V> the Java type of the result
 */
public record Aggregate<V>(AggregateFunction function, Expression<?> argument, boolean isDistinct, Q filter, Class<V> type)
        implements Expression<V> {
    /** Checks the parts: a function, an argument that is no aggregate or window, and a result type. */
    public Aggregate {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(argument, "argument");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(type, "type");
        if (argument instanceof Aggregate<?> || argument instanceof Window<?>) {
            throw new dev.quarry.FieldError(name(function) + "(" + argument + ") cannot aggregate an aggregate or a "
                    + "window; aggregate the QuerySet that annotates it (aggregate(avg(\"alias\")))");
        }
    }

    /** An aggregate of the field at {@code path} over every row. */
    public Aggregate(AggregateFunction function, String path, boolean isDistinct, Class<V> type) {
        this(function, pathOf(function, path), isDistinct, Q.all(), type);
    }

    private static F pathOf(AggregateFunction function, String path) {
        if (path == null || path.isBlank()) {
            throw new dev.quarry.FieldError(name(function) + " needs a field path such as \"books\" or \"review__rating\"");
        }
        return F.of(path);
    }

    /** The path it aggregates when its argument is a field path ({@code books__review__rating}), else {@code null}. */
    public String path() {
        return argument instanceof F f ? f.path() : null;
    }

    /** The same aggregate over distinct values ({@code COUNT(DISTINCT ...)}). */
    public Aggregate<V> distinct() {
        return new Aggregate<>(function, argument, true, filter, type);
    }

    /** The same aggregate over only the rows matching {@code condition} (SQL's {@code FILTER (WHERE ...)}). */
    public Aggregate<V> filter(Q condition) {
        return new Aggregate<>(function, argument, isDistinct, Objects.requireNonNull(condition, "condition"), type);
    }

    /**
     * The default alias Django gives it: {@code <path>__<function>} ({@code rating__avg}); an aggregate
     * of an expression has none and needs an alias ({@code aggregate(Map.of("total", ...))}).
     */
    public String defaultAlias() {
        if (path() == null) {
            throw new dev.quarry.QueryError(this + " aggregates an expression and has no default alias; name it with "
                    + "aggregate(Map.of(\"alias\", ...))");
        }
        return path() + "__" + function.name().toLowerCase(Locale.ROOT);
    }

    private static String name(AggregateFunction f) {
        return f.name().charAt(0) + f.name().substring(1).toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return name(function) + "(" + (path() != null ? "'" + path() + "'" : argument.toString())
                + (isDistinct ? ", distinct" : "") + (filter.isEmpty() ? "" : ", filter=?") + ")";
    }
}
