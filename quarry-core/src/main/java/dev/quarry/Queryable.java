package dev.quarry;

import dev.quarry.expr.Aggregate;
import dev.quarry.expr.Expression;
import dev.quarry.query.typed.FieldPath;
import dev.quarry.query.typed.TypedPath;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The query surface shared by every entry point: {@link QuerySet}, {@link ValuesQuerySet},
 * {@link Manager} and {@link RelatedManager}. Building methods return a new query of type
 * {@code S} and leave the receiver unchanged; terminal methods run SQL each time they are called.
 *
 * @param <R> what a row is (a model instance, a map, a list, a single value)
 * @param <S> what refining returns
 */
public interface Queryable<R, S extends Queryable<R, S>> {
    /** Rows matching one lookup ({@code "books__title__icontains", "python"}). */
    S filter(String lookup, Object value);

    /**
     * Rows matching every condition given, as one filter() call: conditions on a multi-valued
     * relation refer to the same related row, while each chained call may match another.
     */
    S filter(Q first, Q... more);

    /** Rows not matching the lookup: exactly the rows {@code filter} with it leaves out. */
    S exclude(String lookup, Object value);

    /** Rows not matching the conditions taken together: exactly the rows the same {@code filter} call leaves out. */
    S exclude(Q first, Q... more);

    /**
     * Adds an expression to each row under {@code alias} (read with {@code annotation(alias, type)});
     * after {@code filter()} an aggregate covers only the filtered related rows.
     */
    S annotate(String alias, Expression<?> expression);

    /**
     * Adds an expression under {@code alias} that filters, orderings and other expressions can use but
     * that is not selected (Django's {@code alias()}): {@code alias("total", sum("books__pages")).filter("total__gt", 500)}.
     */
    S alias(String alias, Expression<?> expression);

    /** Orders by these terms ({@code "-published_date"}, {@code "author__name"}), replacing any ordering. */
    S orderBy(String first, String... more);

    /** Orders by these terms, with NULL placement where given, replacing any ordering. */
    S orderBy(Ordering first, Ordering... more);

    /** Removes any ordering, the model's default included (Django's {@code order_by()}). */
    S unordered();

    /** The same rows in the opposite order (primary key order when unordered). */
    S reverse();

    /** Removes duplicate rows (SELECT DISTINCT). */
    S distinct();

    /** At most {@code n} rows; replaces any earlier limit and keeps the offset ({@code limit(5).offset(10)} is rows 10–14). */
    S limit(long n);

    /** Skips the first {@code n} rows; replaces any earlier offset and keeps the limit. */
    S offset(long n);

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) of the current result, as Python's {@code [from:to]}. */
    S slice(long from, long to);

    /**
     * Rows as maps from these paths (none: every concrete field and annotation) to values. On a
     * values query it selects again, keeping the grouping an earlier {@code values(...).annotate(...)}
     * made ({@code values("author").annotate("n", count("id")).values("n")}).
     */
    ValuesQuerySet<Map<String, Object>> values(String... paths);

    /** Rows as lists of these paths' values, in order. */
    ValuesQuerySet<List<Object>> valuesList(String first, String... more);

    /**
     * The values of one path, each as {@code type} ({@code valuesList("title", String.class)});
     * a type that cannot hold the path's values fails when the query is built.
     */
    <V> ValuesQuerySet<V> valuesList(String path, Class<V> type);

    /**
     * The values of one typed path, typed by its field: {@code valuesList(Review_.userName)} is
     * {@code valuesList("user_name", String.class)}.
     */
    default <V> ValuesQuerySet<V> valuesList(FieldPath<V> path) {
        return valuesList(path.path(), path.type());
    }

    /**
     * Rows as maps from these typed paths' lookup strings to values: {@code values(Book_.title,
     * Book_.author.name)} is {@code values("title", "author__name")}.
     */
    default ValuesQuerySet<Map<String, Object>> values(TypedPath<?> first, TypedPath<?>... more) {
        return values(lookupStrings(first, more));
    }

    /**
     * Rows as lists of these typed paths' values, in order: {@code valuesList(Book_.title, Book_.isbn)}
     * is {@code valuesList("title", "isbn")}.
     */
    default ValuesQuerySet<List<Object>> valuesList(TypedPath<?> first, TypedPath<?> second, TypedPath<?>... more) {
        return valuesList(first.path(), lookupStrings(second, more));
    }

    /** The lookup strings of these typed paths, in order. */
    private static String[] lookupStrings(TypedPath<?> first, TypedPath<?>... more) {
        String[] paths = new String[more.length + 1];
        paths[0] = first.path();
        for (int i = 0; i < more.length; i++) {
            paths[i + 1] = more[i].path();
        }
        return paths;
    }

    /** Runs the query; every row, in an immutable list. */
    List<R> list();

    /**
     * Runs the query and streams its rows through a database cursor without keeping them; close
     * the stream (try-with-resources) to release the cursor and its connection.
     */
    Stream<R> stream();

    /** Runs {@code SELECT COUNT(*)}: the number of rows. */
    long count();

    /** Runs the query for one row: whether any row matches. */
    boolean exists();

    /** The one row; {@link DoesNotExist} or {@link MultipleObjectsReturned} name the model and the lookup. */
    R get();

    /** The one row matching the lookup. */
    R get(String lookup, Object value);

    /** The one row matching the conditions, as one filter() call. */
    R get(Q first, Q... more);

    /** The first row in the ordering (primary key order when unordered), if any. */
    Optional<R> first();

    /** The last row in the ordering (primary key order when unordered), if any. */
    Optional<R> last();

    /** One aggregate over the rows ({@code aggregate(avg("rating"))}), as its type; {@code null} when there are no values. */
    <V> V aggregate(Aggregate<V> aggregate);

    /** Several aggregates over the rows in one query, under Django's default aliases ({@code rating__avg}). */
    Aggregation aggregate(Aggregate<?> first, Aggregate<?> second, Aggregate<?>... more);

    /** Aggregates over the rows in one query, under the given aliases. */
    Aggregation aggregate(Map<String, ? extends Aggregate<?>> aggregates);

    /** The SELECT this query runs, with its parameters, without running it. */
    Sql sql();

    /**
     * Runs the database's EXPLAIN of this query's SELECT (one statement, where the query would run)
     * and returns the plan as text, Django's {@code explain()}: SQLite's {@code EXPLAIN QUERY PLAN},
     * PostgreSQL's and MariaDB's {@code EXPLAIN}, in the database's default format.
     */
    String explain();

    /**
     * As {@link #explain()}, in {@code format} ({@code null}: the default; PostgreSQL: TEXT, JSON, XML,
     * YAML; MariaDB: TEXT, TRADITIONAL, JSON; SQLite none) with these options (PostgreSQL:
     * {@code Map.of("analyze", true, "verbose", true)}; MariaDB: {@code analyze}). A format or option
     * the database lacks is a {@link QueryError} naming the allowed ones, before any SQL.
     */
    String explain(String format, Map<String, Boolean> options);
}
