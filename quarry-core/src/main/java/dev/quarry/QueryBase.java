package dev.quarry;

import dev.quarry.expr.Aggregate;
import dev.quarry.expr.Expression;
import dev.quarry.load.Loader;
import dev.quarry.query.Condition;
import dev.quarry.query.QueryTree;
import dev.quarry.query.ValueSlot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    final Described described;

    /**
     * The last step built on this query that a later call may repeat, and the query it gave; see
     * {@link Repeats}. Written rarely and read lock-free: a racing write only replaces one memo by another.
     */
    private volatile Repeats.Memo repeat;
    /** Whether a step was built on this query before (a benign race: it only turns true), so that a query used once keeps no memo. */
    private boolean stepped;

    QueryBase(Class<? extends Model> type, Plan plan, Described described) {
        this.type = type;
        this.plan = plan;
        this.described = described;
    }

    /** A query of the subclass's kind with this plan and these described conditions, keeping its other settings. */
    abstract S with(Plan plan, Described described);

    /** A building step without values, as a key of the shapes QuerySets are built in: its name and its arguments. */
    record StepKey(String step, Object arguments) {
        /** Whether this step pages ({@code limit}, {@code offset}, {@code slice}): its numbers make a key per page. */
        boolean paging() {
            return step.equals("limit") || step.equals("offset") || step.equals("slice");
        }

        /** As a record's equals, written out: it runs on every step of a known shape, and the generated one is not always inlined. */
        @Override
        public boolean equals(Object o) {
            return this == o || o instanceof StepKey k && java.util.Objects.equals(step, k.step)
                    && java.util.Objects.equals(arguments, k.arguments);
        }

        @Override
        public int hashCode() {
            return 31 * java.util.Objects.hashCode(step) + java.util.Objects.hashCode(arguments);
        }
    }

    /** The keys of the steps without arguments, made once. */
    private static final StepKey UNORDERED = new StepKey("unordered", null);
    private static final StepKey REVERSE = new StepKey("reverse", null);
    private static final StepKey DISTINCT = new StepKey("distinct", null);
    private static final StepKey GET = new StepKey("get", null);
    private static final StepKey FIRST = new StepKey("first", null);
    private static final StepKey LAST = new StepKey("last", null);

    /** The step of {@code get()}: at most {@value #MAX_GET_RESULTS} rows, or the slice as given. */
    private static final UnaryOperator<QueryTree> GET_LIMIT = t -> t.isSliced() ? t : t.withLimit(MAX_GET_RESULTS);

    /** The query this one gave the last time {@code step} was built on it with equal arguments, or {@code null}. */
    @SuppressWarnings("unchecked")
    private S recall(String step, Object first, Object second) {
        Repeats.Memo m = repeat;
        return m != null && m.matches(step, first, second, plan.buildTarget()) ? (S) m.result() : null;
    }

    /** {@code made}, just built by {@code step} with these arguments, remembered as {@link Repeats} allows. */
    private S remember(String step, Object first, Object second, S made) {
        Repeats.Memo current = repeat;
        if (current == null && !stepped) {
            stepped = true;
            return made;
        }
        Repeats.Memo m = Repeats.memo(current, step, first, second, plan.buildTarget(), made, made.plan.shaped());
        if (m != null) {
            repeat = m;
        }
        return made;
    }

    /** This query with one more step that adds no condition to its messages. */
    final S next(UnaryOperator<QueryTree> op) {
        return with(plan.then(op), described);
    }

    /** This query with one more step without values, whose SQL depends only on {@code key}. */
    final S next(StepKey key, UnaryOperator<QueryTree> op) {
        return with(plan.then(key, List.of(), null, op), described);
    }

    /** This query filtered ({@code exclude} false) or excluded by {@code q}, through the known shapes when its values are plain. */
    final S condition(Q q, boolean exclude) {
        Condition c = q.condition();
        UnaryOperator<QueryTree> op = exclude ? t -> t.exclude(c) : t -> t.filter(c);
        Described d = described.then(c, exclude);
        if (!plan.shaped()) {
            return with(plan.then(op), d);
        }
        List<Object> values = new ArrayList<>(4);
        Object shape = ValueSlot.shape(c, values);
        if (shape == null) {
            return with(plan.then(op), d);
        }
        return with(plan.then(new StepKey(exclude ? "exclude" : "filter", shape), values, t -> ValueSlot.of(t, c), op), d);
    }

    /** The key {@link #condition} gives {@code filter(lookup, value)}'s step, or {@code null} when the value is not a plain one. */
    private static Object filterKey(String lookup, Object value) {
        Object shape = ValueSlot.shape(new Condition.Leaf(lookup, value), new ArrayList<>(1));
        return shape == null ? null : new StepKey("filter", shape);
    }

    /** Rows matching the lookup ({@code "books__title__icontains", "python"}). This query is not modified. */
    @Override
    public S filter(String lookup, Object value) {
        S again = recall(Repeats.FILTER, lookup, value);
        return again != null ? again : remember(Repeats.FILTER, lookup, value, filter(Q.of(lookup, value)));
    }

    /**
     * Rows matching every condition, as one filter() call: conditions on a multi-valued relation
     * refer to the same related row, while each chained call may match another. This query is not modified.
     */
    @Override
    public S filter(Q first, Q... more) {
        return condition(Q.allOf(first, more), false);
    }

    /** Rows not matching the lookup. This query is not modified. */
    @Override
    public S exclude(String lookup, Object value) {
        return exclude(Q.of(lookup, value));
    }

    /** Rows not matching the conditions taken together: exactly the rows the same filter() leaves out. This query is not modified. */
    @Override
    public S exclude(Q first, Q... more) {
        return condition(Q.allOf(first, more), true);
    }

    /** Orders by these terms, replacing any ordering. This query is not modified. */
    @Override
    public S orderBy(String first, String... more) {
        S again = recall(Repeats.ORDER_BY, first, more);
        if (again != null) {
            return again;
        }
        if (plan.shaped()) {
            // Keyed by the strings as given (their hash is kept); parsed when the tree is built, which a
            // known shape skips (a term that does not parse never became one).
            List<String> raw = new ArrayList<>(1 + more.length);
            raw.add(first);
            raw.addAll(Arrays.asList(more));
            return remember(Repeats.ORDER_BY, first, more.clone(),
                    next(new StepKey("orderByTerms", raw), t -> t.orderBy(Steps.parse(t.registry(), raw))));
        }
        List<Ordering> terms = Steps.parse(first, more);
        return next(t -> t.orderBy(terms));
    }

    /** Orders by these terms, with NULL placement where given. This query is not modified. */
    @Override
    public S orderBy(Ordering first, Ordering... more) {
        List<Ordering> terms = Steps.of(first, more);
        return next(new StepKey("orderBy", terms), t -> t.orderBy(terms));
    }

    /** Removes any ordering, the model's default included. This query is not modified. */
    @Override
    public S unordered() {
        return next(UNORDERED, QueryTree::unordered);
    }

    /** The same rows in the opposite order. This query is not modified. */
    @Override
    public S reverse() {
        return next(REVERSE, QueryTree::reverseOrdering);
    }

    /** Removes duplicate rows. This query is not modified. */
    @Override
    public S distinct() {
        return next(DISTINCT, QueryTree::distinct);
    }

    /** At most {@code n} rows, keeping the offset. This query is not modified. */
    @Override
    public S limit(long n) {
        Steps.checkNonNegative(n, "limit");
        Long boxed = n; // boxed once for the memo, the key and the tree
        S again = recall(Repeats.LIMIT, boxed, null);
        return again != null ? again
                : remember(Repeats.LIMIT, boxed, null, next(new StepKey("limit", boxed), t -> t.withLimit(boxed)));
    }

    /** Skips the first {@code n} rows, keeping the limit. This query is not modified. */
    @Override
    public S offset(long n) {
        Steps.checkNonNegative(n, "offset");
        return next(new StepKey("offset", n), t -> t.withOffset(n));
    }

    /** Rows {@code from} to {@code to} (exclusive) of the current result. This query is not modified. */
    @Override
    public S slice(long from, long to) {
        Steps.checkSlice(from, to);
        return next(new StepKey("slice", List.of(from, to)), t -> t.slice(from, to));
    }

    /** Adds an expression to each row under {@code alias}. This query is not modified. */
    @Override
    public S annotate(String alias, Expression<?> expression) {
        S again = recall(Repeats.ANNOTATE, alias, expression);
        return again != null ? again : remember(Repeats.ANNOTATE, alias, expression,
                next(new StepKey("annotate", Arrays.asList(alias, expression)), t -> t.annotate(alias, expression)));
    }

    /** Adds an expression under {@code alias} that is usable but not selected. This query is not modified. */
    @Override
    public S alias(String alias, Expression<?> expression) {
        return next(new StepKey("alias", Arrays.asList(alias, expression)), t -> t.alias(alias, expression));
    }

    /** Rows as maps from these paths (none: every field and annotation) to values. This query is not modified. */
    @Override
    public ValuesQuerySet<Map<String, Object>> values(String... paths) {
        List<String> p = List.of(paths);
        return ValuesQuerySet.maps(type, plan.then(new StepKey("values", p), List.of(), null, t -> t.values(p)), described);
    }

    /** Rows as lists of these paths' values. This query is not modified. */
    @Override
    public ValuesQuerySet<List<Object>> valuesList(String first, String... more) {
        List<String> p = new ArrayList<>(1 + more.length);
        p.add(first);
        p.addAll(Arrays.asList(more));
        List<String> paths = List.copyOf(p);
        return ValuesQuerySet.tuples(type, plan.then(new StepKey("values", paths), List.of(), null, t -> t.values(paths)),
                described);
    }

    /** The values of one path as {@code type}, checked against the path's column. This query is not modified. */
    @Override
    public <V> ValuesQuerySet<V> valuesList(String path, Class<V> valueType) {
        return ValuesQuerySet.single(type, plan, path, valueType, described);
    }

    /**
     * The one row matching the lookup: {@code filter(lookup, value).get()}, run without building
     * either QuerySet when that query's shape is known ({@link #knownRows}).
     */
    @Override
    public R get(String lookup, Object value) {
        Shapes.Cursor at = plan.knownFilterThen(lookup, value, QueryBase::filterKey, GET);
        List<R> found = at == null ? null : knownRows(at, lookup, value);
        if (found == null) {
            return filter(lookup, value).get();
        }
        return found.size() == 1 ? found.get(0) : single(found, described.then(Q.of(lookup, value).condition(), false));
    }

    /**
     * The rows {@code get(lookup, value)} reads, whose shape {@code at} is, as {@link #list()} reads
     * them (a miss of the compiled SQL builds the tree of {@link #planForGet}), or {@code null} when the
     * query must be built and run the usual way; routes and runs nothing before deciding so.
     */
    List<R> knownRows(Shapes.Cursor at, String lookup, Object value) {
        return null;
    }

    /** The plan of the query {@code get(lookup, value)} runs: {@code filter(lookup, value)} with get's step. */
    final Plan planForGet(String lookup, Object value) {
        return filter(lookup, value).next(GET, GET_LIMIT).plan;
    }

    /** The one row matching the conditions, as one filter() call. */
    @Override
    public R get(Q first, Q... more) {
        return filter(first, more).get();
    }

    /** The one row of {@code found} (read with a limit of {@value #MAX_GET_RESULTS}), or the exception naming model and lookup. */
    final R single(List<R> found) {
        return single(found, described);
    }

    /** As {@link #single(List)}, the exception naming the conditions {@code d}. */
    private R single(List<R> found, Described d) {
        if (found.isEmpty()) {
            throw new DoesNotExist(type, d.render());
        }
        if (found.size() > 1) {
            String n = found.size() >= MAX_GET_RESULTS ? "more than " + (MAX_GET_RESULTS - 1) : String.valueOf(found.size());
            throw new MultipleObjectsReturned(type, d.render(), n);
        }
        return found.get(0);
    }

    /** The rows {@code get()} reads: at most {@value #MAX_GET_RESULTS}, or the slice as given. */
    final List<R> rowsForGet() {
        return next(GET, GET_LIMIT).list();
    }

    /** The first row in the ordering (primary key order when unordered), read with a limit of one. */
    final Optional<R> firstRow() {
        List<R> found = next(FIRST, Steps::first).list();
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The last row: a sliced query's rows read as they are, otherwise the reversed ordering read with a limit of one. */
    final Optional<R> lastRow() {
        if (plan.tree(plan.quarry()).isSliced()) {
            List<R> all = list();
            return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
        }
        List<R> found = next(LAST, t -> t.reverseOrdering().withLimit(1L)).list();
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The conditions, with {@code ?} for every value. */
    final String describe() {
        return described.render();
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
        Shapes.Cursor known = plan.cursor(q);
        if (known != null) {
            return dev.quarry.load.CompiledShapes.describe(plan.session(q, false), known.terminal("sql"), known.prepared(),
                    () -> plan.tree(q));
        }
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
