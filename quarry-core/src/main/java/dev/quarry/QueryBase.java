package dev.quarry;

import dev.quarry.expr.Aggregate;
import dev.quarry.expr.Expression;
import dev.quarry.load.Loader;
import dev.quarry.query.QueryTree;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What {@link QuerySet} and {@link ValuesQuerySet} share, written once: the model, the
 * {@link Plan}, the conditions kept for messages, and every method that only adds a step or runs
 * the same SQL whatever a row becomes. A subclass says how to make a query of its own kind
 * ({@link #with}) and how to read rows.
 *
 * @param <R> what a row is
 * @param <S> the subclass
 */
abstract class QueryBase<R, S extends QueryBase<R, S>> implements Queryable<R, S>, Iterable<R> {
    static final long MAX_GET_RESULTS = 21;

    final Class<? extends Model> type;
    final Plan plan;
    final List<String> described;

    QueryBase(Class<? extends Model> type, Plan plan, List<String> described) {
        this.type = type;
        this.plan = plan;
        this.described = described;
    }

    /** A query of the subclass's kind with this plan and these described conditions, keeping its other settings. */
    abstract S with(Plan plan, List<String> described);

    /** This query with one more step; {@code description} (or {@code null}) names it in messages. */
    final S next(UnaryOperator<QueryTree> op, String description) {
        List<String> d = described;
        if (description != null) {
            d = new ArrayList<>(described.size() + 1);
            d.addAll(described);
            d.add(description);
            d = Collections.unmodifiableList(d);
        }
        return with(plan.then(op), d);
    }

    /** Rows matching the lookup ({@code "books__title__icontains", "python"}). This query is not modified. */
    @Override
    public S filter(String lookup, Object value) {
        return filter(Q.of(lookup, value));
    }

    /**
     * Rows matching every condition, as one filter() call: conditions on a multi-valued relation
     * refer to the same related row, while each chained call may match another. This query is not modified.
     */
    @Override
    public S filter(Q first, Q... more) {
        Q q = Q.allOf(first, more);
        return next(t -> t.filter(q.condition()), "filter(" + q.describe() + ")");
    }

    /** Rows not matching the lookup. This query is not modified. */
    @Override
    public S exclude(String lookup, Object value) {
        return exclude(Q.of(lookup, value));
    }

    /** Rows not matching the conditions taken together: exactly the rows the same filter() leaves out. This query is not modified. */
    @Override
    public S exclude(Q first, Q... more) {
        Q q = Q.allOf(first, more);
        return next(t -> t.exclude(q.condition()), "exclude(" + q.describe() + ")");
    }

    /** Orders by these terms, replacing any ordering. This query is not modified. */
    @Override
    public S orderBy(String first, String... more) {
        List<Ordering> terms = Steps.parse(first, more);
        return next(t -> t.orderBy(terms), null);
    }

    /** Orders by these terms, with NULL placement where given. This query is not modified. */
    @Override
    public S orderBy(Ordering first, Ordering... more) {
        List<Ordering> terms = Steps.of(first, more);
        return next(t -> t.orderBy(terms), null);
    }

    /** Removes any ordering, the model's default included. This query is not modified. */
    @Override
    public S unordered() {
        return next(QueryTree::unordered, null);
    }

    /** The same rows in the opposite order. This query is not modified. */
    @Override
    public S reverse() {
        return next(QueryTree::reverseOrdering, null);
    }

    /** Removes duplicate rows. This query is not modified. */
    @Override
    public S distinct() {
        return next(QueryTree::distinct, null);
    }

    /** At most {@code n} rows, keeping the offset. This query is not modified. */
    @Override
    public S limit(long n) {
        Steps.checkNonNegative(n, "limit");
        return next(t -> t.withLimit(n), null);
    }

    /** Skips the first {@code n} rows, keeping the limit. This query is not modified. */
    @Override
    public S offset(long n) {
        Steps.checkNonNegative(n, "offset");
        return next(t -> t.withOffset(n), null);
    }

    /** Rows {@code from} to {@code to} (exclusive) of the current result. This query is not modified. */
    @Override
    public S slice(long from, long to) {
        Steps.checkSlice(from, to);
        return next(t -> t.slice(from, to), null);
    }

    /** Adds an expression to each row under {@code alias}. This query is not modified. */
    @Override
    public S annotate(String alias, Expression<?> expression) {
        return next(t -> t.annotate(alias, expression), null);
    }

    /** Adds an expression under {@code alias} that is usable but not selected. This query is not modified. */
    @Override
    public S alias(String alias, Expression<?> expression) {
        return next(t -> t.alias(alias, expression), null);
    }

    /** Rows as maps from these paths (none: every field and annotation) to values. This query is not modified. */
    @Override
    public ValuesQuerySet<Map<String, Object>> values(String... paths) {
        List<String> p = List.of(paths);
        return ValuesQuerySet.maps(type, plan.then(t -> t.values(p)), described);
    }

    /** Rows as lists of these paths' values. This query is not modified. */
    @Override
    public ValuesQuerySet<List<Object>> valuesList(String first, String... more) {
        List<String> p = new ArrayList<>(1 + more.length);
        p.add(first);
        p.addAll(Arrays.asList(more));
        List<String> paths = List.copyOf(p);
        return ValuesQuerySet.tuples(type, plan.then(t -> t.values(paths)), described);
    }

    /** The values of one path as {@code type}, checked against the path's column. This query is not modified. */
    @Override
    public <V> ValuesQuerySet<V> valuesList(String path, Class<V> valueType) {
        return ValuesQuerySet.single(type, plan, path, valueType, described);
    }

    /** The one row matching the lookup. */
    @Override
    public R get(String lookup, Object value) {
        return filter(lookup, value).get();
    }

    /** The one row matching the conditions, as one filter() call. */
    @Override
    public R get(Q first, Q... more) {
        return filter(first, more).get();
    }

    /** The one row of {@code found} (read with a limit of {@value #MAX_GET_RESULTS}), or the exception naming model and lookup. */
    final R single(List<R> found) {
        if (found.isEmpty()) {
            throw new DoesNotExist(type, describe());
        }
        if (found.size() > 1) {
            String n = found.size() >= MAX_GET_RESULTS ? "more than " + (MAX_GET_RESULTS - 1) : String.valueOf(found.size());
            throw new MultipleObjectsReturned(type, describe(), n);
        }
        return found.get(0);
    }

    /** The conditions, with {@code ?} for every value. */
    final String describe() {
        return described.isEmpty() ? "(all rows)" : String.join(".", described);
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

    /** The SELECT this query runs, with its parameters, without running it. */
    @Override
    public Sql sql() {
        Quarry q = plan.quarry();
        return Loader.describe(plan.session(q, false).database().backend(), plan.tree(q));
    }

    /** The database's plan of this query's SELECT, in its default format. */
    @Override
    public String explain() {
        return explain(null, Map.of());
    }

    /** The database's plan of this query's SELECT, in {@code format} with these options. */
    @Override
    public String explain(String format, Map<String, Boolean> options) {
        java.util.Objects.requireNonNull(options, "options");
        Quarry q = plan.quarry();
        return dev.quarry.load.Explainer.explain(plan.session(q, false).database(), plan.tree(q), format, options);
    }

    /** Runs the query and iterates its rows. */
    @Override
    public Iterator<R> iterator() {
        return list().iterator();
    }
}
