package dev.quarry;

import dev.quarry.expr.Aggregate;
import dev.quarry.expr.Expression;
import dev.quarry.load.Loader;
import dev.quarry.query.QueryTree;
import dev.quarry.query.ValueTypes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A lazy, immutable query whose rows are values rather than instances: maps ({@code values()}),
 * lists ({@code valuesList("title", "isbn")}) or single typed values
 * ({@code valuesList("title", String.class)}). A value, like {@link QuerySet}: every building
 * method returns a new one and each terminal call runs the query again.
 *
 * @param <R> what a row is
 */
public final class ValuesQuerySet<R> implements Queryable<R, ValuesQuerySet<R>>, Iterable<R> {
    private enum Kind { MAPS, TUPLES }

    private final Class<? extends Model> type;
    private final Plan plan;
    private final Kind kind;
    private final Function<Object, R> convert;
    private final List<String> described;

    private ValuesQuerySet(Class<? extends Model> type, Plan plan, Kind kind, Function<Object, R> convert,
                           List<String> described) {
        this.type = type;
        this.plan = plan;
        this.kind = kind;
        this.convert = convert;
        this.described = described;
    }

    @SuppressWarnings("unchecked")
    static ValuesQuerySet<Map<String, Object>> maps(Class<? extends Model> type, Plan plan, List<String> described) {
        return new ValuesQuerySet<>(type, plan, Kind.MAPS, o -> (Map<String, Object>) o, described);
    }

    @SuppressWarnings("unchecked")
    static ValuesQuerySet<List<Object>> tuples(Class<? extends Model> type, Plan plan, List<String> described) {
        return new ValuesQuerySet<>(type, plan, Kind.TUPLES, o -> (List<Object>) o, described);
    }

    /** One path's values as {@code valueType}; the type is checked against the path's column when resolved. */
    static <V> ValuesQuerySet<V> single(Class<? extends Model> type, Plan plan, String path, Class<V> valueType,
                                        List<String> described) {
        java.util.Objects.requireNonNull(valueType, "type");
        String where = "valuesList(\"" + path + "\", " + valueType.getSimpleName() + ".class)";
        Plan p = plan.then(t -> {
            QueryTree v = t.values(List.of(path));
            ValueTypes.check(v.values().get(path).outputType(), valueType, path, where);
            return v;
        });
        return new ValuesQuerySet<>(type, p, Kind.TUPLES, o -> ValueTypes.convert(((List<?>) o).get(0), valueType, path),
                described);
    }

    private ValuesQuerySet<R> next(UnaryOperator<QueryTree> op, String description) {
        List<String> d = described;
        if (description != null) {
            d = new ArrayList<>(described);
            d.add(description);
            d = Collections.unmodifiableList(d);
        }
        return new ValuesQuerySet<>(type, plan.then(op), kind, convert, d);
    }

    /** Rows matching the lookup. This query is not modified. */
    @Override
    public ValuesQuerySet<R> filter(String lookup, Object value) {
        return filter(Q.of(lookup, value));
    }

    /** Rows matching the conditions, as one filter() call. This query is not modified. */
    @Override
    public ValuesQuerySet<R> filter(Q first, Q... more) {
        Q q = Q.allOf(first, more);
        return next(t -> t.filter(q.condition()), "filter(" + q.describe() + ")");
    }

    /** Rows not matching the lookup. This query is not modified. */
    @Override
    public ValuesQuerySet<R> exclude(String lookup, Object value) {
        return exclude(Q.of(lookup, value));
    }

    /** Rows not matching the conditions taken together. This query is not modified. */
    @Override
    public ValuesQuerySet<R> exclude(Q first, Q... more) {
        Q q = Q.allOf(first, more);
        return next(t -> t.exclude(q.condition()), "exclude(" + q.describe() + ")");
    }

    /**
     * Adds an expression as one more value of each row; after {@code values(...)} an aggregate
     * groups the rows by those values. This query is not modified.
     */
    @Override
    public ValuesQuerySet<R> annotate(String alias, Expression<?> expression) {
        return next(t -> {
            List<String> paths = new ArrayList<>(t.values().keySet());
            paths.add(alias);
            return t.annotate(alias, expression).values(paths);
        }, null);
    }

    /** Orders by these terms. This query is not modified. */
    @Override
    public ValuesQuerySet<R> orderBy(String first, String... more) {
        List<Ordering> terms = Steps.parse(first, more);
        return next(t -> t.orderBy(terms), null);
    }

    /** Orders by these terms, with NULL placement where given. This query is not modified. */
    @Override
    public ValuesQuerySet<R> orderBy(Ordering first, Ordering... more) {
        List<Ordering> terms = Steps.of(first, more);
        return next(t -> t.orderBy(terms), null);
    }

    /** Removes any ordering. This query is not modified. */
    @Override
    public ValuesQuerySet<R> unordered() {
        return next(QueryTree::unordered, null);
    }

    /** The same rows in the opposite order. This query is not modified. */
    @Override
    public ValuesQuerySet<R> reverse() {
        return next(QueryTree::reverseOrdering, null);
    }

    /** Removes duplicate rows. This query is not modified. */
    @Override
    public ValuesQuerySet<R> distinct() {
        return next(QueryTree::distinct, null);
    }

    /** At most {@code n} rows, keeping the offset. This query is not modified. */
    @Override
    public ValuesQuerySet<R> limit(long n) {
        Steps.checkNonNegative(n, "limit");
        return next(t -> t.withLimit(n), null);
    }

    /** Skips the first {@code n} rows, keeping the limit. This query is not modified. */
    @Override
    public ValuesQuerySet<R> offset(long n) {
        Steps.checkNonNegative(n, "offset");
        return next(t -> t.withOffset(n), null);
    }

    /** Rows {@code from} to {@code to} (exclusive) of the current result. This query is not modified. */
    @Override
    public ValuesQuerySet<R> slice(long from, long to) {
        Steps.checkSlice(from, to);
        return next(t -> t.slice(from, to), null);
    }

    /** The same query on {@code db}. This query is not modified. */
    public ValuesQuerySet<R> using(Quarry db) {
        return new ValuesQuerySet<>(type, plan.using(java.util.Objects.requireNonNull(db, "db")), kind, convert, described);
    }

    /** Runs the query: every row, in an immutable list. */
    @Override
    public List<R> list() {
        Quarry q = plan.quarry();
        QueryTree t = plan.tree(q);
        List<?> raw = kind == Kind.MAPS ? Loader.maps(q.database(), t) : Loader.tuples(q.database(), t);
        List<R> out = new ArrayList<>(raw.size());
        for (Object o : raw) {
            out.add(convert.apply(o));
        }
        return Collections.unmodifiableList(out);
    }

    /** Runs the query and iterates its rows. */
    @Override
    public Iterator<R> iterator() {
        return list().iterator();
    }

    /** Streams the rows through a cursor; close the stream to release it. */
    @Override
    public Stream<R> stream() {
        Quarry q = plan.quarry();
        return Loader.streamValues(q.database(), plan.tree(q), kind == Kind.MAPS).map(convert);
    }

    /** Runs {@code SELECT COUNT(*)}. */
    @Override
    public long count() {
        Quarry q = plan.quarry();
        return Loader.count(q.database(), plan.tree(q));
    }

    /** Whether any row matches. */
    @Override
    public boolean exists() {
        Quarry q = plan.quarry();
        return Loader.exists(q.database(), plan.tree(q));
    }

    /** The one row; {@link DoesNotExist} or {@link MultipleObjectsReturned} otherwise. */
    @Override
    public R get() {
        List<R> found = next(t -> t.isSliced() ? t : t.withLimit(21), null).list();
        String lookup = described.isEmpty() ? "(all rows)" : String.join(".", described);
        if (found.isEmpty()) {
            throw new DoesNotExist(type, lookup);
        }
        if (found.size() > 1) {
            throw new MultipleObjectsReturned(type, lookup, found.size() >= 21 ? "more than 20" : String.valueOf(found.size()));
        }
        return found.get(0);
    }

    /** The one row matching the lookup. */
    @Override
    public R get(String lookup, Object value) {
        return filter(lookup, value).get();
    }

    /** The one row matching the conditions. */
    @Override
    public R get(Q first, Q... more) {
        return filter(first, more).get();
    }

    /** The first row (primary key order when unordered), if any. */
    @Override
    public Optional<R> first() {
        List<R> found = next(Steps::first, null).list();
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The last row (primary key order when unordered), if any. */
    @Override
    public Optional<R> last() {
        Quarry q = plan.quarry();
        List<R> found = plan.tree(q).isSliced() ? list() : next(t -> t.reverseOrdering().withLimit(1), null).list();
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(plan.tree(q).isSliced() ? found.size() - 1 : 0));
    }

    /** One aggregate over the rows, as its type. */
    @Override
    public <V> V aggregate(Aggregate<V> aggregate) {
        return Steps.aggregate(plan, Map.of(aggregate.defaultAlias(), aggregate)).get(aggregate);
    }

    /** Several aggregates in one query, under Django's default aliases. */
    @Override
    public Aggregation aggregate(Aggregate<?> first, Aggregate<?> second, Aggregate<?>... more) {
        return Steps.aggregate(plan, Steps.byDefaultAlias(first, second, more));
    }

    /** Aggregates in one query, under the given aliases. */
    @Override
    public Aggregation aggregate(Map<String, ? extends Aggregate<?>> aggregates) {
        return Steps.aggregate(plan, aggregates);
    }

    /** The SELECT this runs, with its parameters, without running it. */
    @Override
    public Sql sql() {
        Quarry q = plan.quarry();
        return Loader.describe(q.database().backend(), plan.tree(q));
    }

    /** The model and the conditions, with {@code ?} for values; runs nothing. */
    @Override
    public String toString() {
        return "ValuesQuerySet<" + type.getSimpleName() + ">(" + (described.isEmpty() ? "all rows" : String.join(".", described)) + ")";
    }
}
