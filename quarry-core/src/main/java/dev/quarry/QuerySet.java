package dev.quarry;

import dev.quarry.db.Database;
import dev.quarry.deletion.Collector;
import dev.quarry.expr.Aggregate;
import dev.quarry.load.LoadContext;
import dev.quarry.load.Loader;
import dev.quarry.load.ModelRows;
import dev.quarry.load.Prefetcher;
import dev.quarry.model.FieldMeta;
import dev.quarry.model.ModelMeta;
import dev.quarry.query.QueryTree;
import dev.quarry.query.expr.Expr;
import dev.quarry.query.lookup.Values;
import dev.quarry.sql.CompiledSql;
import dev.quarry.sql.UpdateCompiler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A lazy, immutable query over one model's rows. Building one runs no SQL; {@link #list()},
 * iteration, {@link #count()}, {@link #exists()}, {@link #get()} and {@link #first()} do. Every
 * builder method returns a new QuerySet and leaves this one unmodified; an evaluated QuerySet
 * keeps its rows.
 */
public final class QuerySet<T extends Model> implements Iterable<T> {
    private static final long MAX_GET_RESULTS = 21;

    private final Class<T> type;
    private QueryTree tree;
    private final java.util.function.Supplier<QueryTree> lazyTree;
    private final List<Prefetch> prefetches;
    private final FetchMode mode;
    private final List<Object> described;
    private List<T> cache;

    QuerySet(Class<T> type, QueryTree tree) {
        this(type, tree, List.of(), null, List.of());
    }

    private QuerySet(Class<T> type, QueryTree tree, List<Prefetch> prefetches, FetchMode mode, List<Object> described) {
        this.type = type;
        this.tree = tree;
        this.lazyTree = null;
        this.prefetches = prefetches;
        this.mode = mode;
        this.described = described;
    }

    /** {@code description} is a condition kept for error messages, formatted only when one is thrown. */
    private QuerySet<T> with(QueryTree t, Object description) {
        List<Object> d = described;
        if (description != null) {
            d = new ArrayList<>(described.size() + 1);
            d.addAll(described);
            d.add(description);
        }
        return new QuerySet<>(type, t, prefetches, mode, d);
    }

    /** An exclude() condition, as kept for messages. */
    private record Excluded(Q q) {
        @Override
        public String toString() {
            return "exclude(" + q + ")";
        }
    }

    /** An evaluated QuerySet whose tree is built only if it is refined further (prefetched relations). */
    private QuerySet(Class<T> type, java.util.function.Supplier<QueryTree> lazyTree, List<T> rows) {
        this.type = type;
        this.lazyTree = lazyTree;
        this.prefetches = List.of();
        this.mode = null;
        this.described = List.of();
        this.cache = Collections.unmodifiableList(rows);
    }

    static <T extends Model> QuerySet<T> evaluated(Class<T> type, java.util.function.Supplier<QueryTree> tree, List<T> rows) {
        return new QuerySet<>(type, tree, rows);
    }

    private QueryTree t() {
        QueryTree t = tree;
        if (t == null) {
            t = lazyTree.get();
            tree = t;
        }
        return t;
    }

    // ----- building -----

    /** Rows matching the lookup ({@code "books__title__icontains", "python"}). This QuerySet is not modified. */
    public QuerySet<T> filter(String lookup, Object value) {
        return filter(Q.of(lookup, value));
    }

    /**
     * Rows matching {@code q}; all its conditions on a multi-valued relation refer to the same related
     * row, while each chained call may match another. This QuerySet is not modified.
     */
    public QuerySet<T> filter(Q q) {
        return with(t().filter(q), q);
    }

    /** Rows not matching the lookup. This QuerySet is not modified. */
    public QuerySet<T> exclude(String lookup, Object value) {
        return exclude(Q.of(lookup, value));
    }

    /** Rows not matching {@code q}: exactly the rows {@code filter(q)} leaves out. This QuerySet is not modified. */
    public QuerySet<T> exclude(Q q) {
        return with(t().exclude(q), new Excluded(q));
    }

    /**
     * Adds an aggregate over related rows to each instance, read with {@code annotation(alias)};
     * after {@code filter()} it aggregates only the filtered related rows. This QuerySet is not modified.
     */
    public QuerySet<T> annotate(String alias, Aggregate aggregate) {
        return with(t().annotate(alias, aggregate), null);
    }

    /** Clears any ordering, the model's default included (Django's {@code order_by()}). This QuerySet is not modified. */
    public QuerySet<T> orderBy() {
        return with(t().orderBy(List.of()), null);
    }

    /** Orders by these terms ({@code "-published_date"}, {@code "author__name"}); none clears the ordering. This QuerySet is not modified. */
    public QuerySet<T> orderBy(String... terms) {
        return with(t().orderBy(Arrays.stream(terms).map(Ordering::parse).toList()), null);
    }

    /** Orders by these terms, with NULL placement where given. This QuerySet is not modified. */
    public QuerySet<T> orderBy(Ordering... terms) {
        return with(t().orderBy(List.of(terms)), null);
    }

    /** The same rows in the opposite order. This QuerySet is not modified. */
    public QuerySet<T> reverse() {
        return with(t().reverseOrdering(), null);
    }

    /** At most {@code n} rows (SQL LIMIT; Python's {@code [:n]}). This QuerySet is not modified. */
    public QuerySet<T> limit(long n) {
        checkNonNegative(n, "limit");
        return with(t().slice(null, n), null);
    }

    /** Skips the first {@code n} rows (SQL OFFSET). This QuerySet is not modified. */
    public QuerySet<T> offset(long n) {
        checkNonNegative(n, "offset");
        return with(t().slice(n, null), null);
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive), as Python's {@code [from:to]}. This QuerySet is not modified. */
    public QuerySet<T> slice(long from, long to) {
        checkNonNegative(from, "slice start");
        if (to < from) {
            throw new IllegalArgumentException("slice end " + to + " is before its start " + from);
        }
        return with(t().slice(from, to - from), null);
    }

    static void checkNonNegative(long n, String what) {
        if (n < 0) {
            throw new IllegalArgumentException("Negative " + what + " is not supported: " + n);
        }
    }

    /** Removes duplicate rows (SELECT DISTINCT). This QuerySet is not modified. */
    public QuerySet<T> distinct() {
        return with(t().distinct(), null);
    }

    /** Loads these forward foreign keys in the same query with joins; none means every non-null one. This QuerySet is not modified. */
    public QuerySet<T> selectRelated(String... paths) {
        return with(t().selectRelated(List.of(paths)), null);
    }

    /** Loads these to-many (or forward) relations with one query per level after the main query. This QuerySet is not modified. */
    public QuerySet<T> prefetchRelated(String... paths) {
        Prefetch[] p = new Prefetch[paths.length];
        for (int i = 0; i < paths.length; i++) {
            p[i] = Prefetch.of(paths[i]);
        }
        return prefetchRelated(p);
    }

    /** Prefetches with custom QuerySets for the last level. This QuerySet is not modified. */
    public QuerySet<T> prefetchRelated(Prefetch... more) {
        List<Prefetch> all = new ArrayList<>(prefetches);
        all.addAll(List.of(more));
        return new QuerySet<>(type, t(), List.copyOf(all), mode, described);
    }

    /** What touching an unloaded relation does on the instances this QuerySet loads. This QuerySet is not modified. */
    public QuerySet<T> fetchMode(FetchMode fetchMode) {
        return new QuerySet<>(type, t(), prefetches, fetchMode, described);
    }

    /** Rows as maps from these paths (none: every field) to values. This QuerySet is not modified. */
    public ValuesQuerySet<Map<String, Object>> values(String... paths) {
        return ValuesQuerySet.maps(t().values(List.of(paths)));
    }

    /** Rows as lists of these paths' values; {@code flat(Type.class)} for a single path. This QuerySet is not modified. */
    public ValuesQuerySet<List<Object>> valuesList(String... paths) {
        return ValuesQuerySet.tuples(t().values(List.of(paths)));
    }

    // ----- evaluation -----

    /** Every row, loaded once and then kept. */
    public List<T> list() {
        if (cache == null) {
            cache = Collections.unmodifiableList(fetch());
        }
        return cache;
    }

    @SuppressWarnings("unchecked")
    private List<T> fetch() {
        Quarry q = Quarry.current();
        Database db = q.database();
        FetchMode m = mode != null ? mode : q.fetchMode();
        if (prefetches.isEmpty()) {
            return (List<T>) (List<?>) Loader.models(db, t(), m);
        }
        return db.atomic(() -> {
            List<Object> rows = Loader.models(db, t(), m);
            for (Prefetch p : prefetches) {
                Prefetcher.prefetch(db, rows, p.path(), m, p.queryset() == null ? null : p.queryset().tree());
            }
            return (List<T>) (List<?>) rows;
        });
    }

    /** Iterates the rows (evaluating and keeping them, as Django's {@code for x in qs}). */
    @Override
    public Iterator<T> iterator() {
        return list().iterator();
    }

    /**
     * Streams the rows through a database cursor without keeping them (Django's {@code iterator()});
     * close the stream (try-with-resources). Prefetching needs the whole result, so it is refused here.
     */
    @SuppressWarnings("unchecked")
    public Stream<T> stream() {
        if (!prefetches.isEmpty()) {
            throw new IllegalStateException("stream() reads rows one at a time and cannot prefetchRelated(" + prefetches
                    + "); use list()");
        }
        Quarry q = Quarry.current();
        ModelRows rows = new ModelRows(t(), q.backend().operations());
        LoadContext context = new LoadContext(mode != null ? mode : q.fetchMode());
        return q.database().stream(Loader.selectSql(q.backend(), t()), rs -> (T) rows.read(rs, context), 2000);
    }

    /** The number of rows: {@code SELECT COUNT(*)}, or the size of an evaluated QuerySet. */
    public long count() {
        if (cache != null) {
            return cache.size();
        }
        return Loader.count(Quarry.current().database(), t());
    }

    /** Whether any row matches. */
    public boolean exists() {
        if (cache != null) {
            return !cache.isEmpty();
        }
        return Loader.exists(Quarry.current().database(), t());
    }

    /** The one matching row; {@link DoesNotExist} or {@link MultipleObjectsReturned} naming the model and lookup. */
    public T get() {
        List<T> rows = cache != null ? cache
                : t().isSliced() ? list() : with(t().slice(null, MAX_GET_RESULTS), null).list();
        String name = type.getSimpleName();
        if (rows.isEmpty()) {
            throw new DoesNotExist(type, describe());
        }
        if (rows.size() > 1) {
            String n = rows.size() >= MAX_GET_RESULTS ? "more than " + (MAX_GET_RESULTS - 1) : String.valueOf(rows.size());
            throw new MultipleObjectsReturned(type, describe(), n);
        }
        return rows.get(0);
    }

    public T get(String lookup, Object value) {
        return filter(lookup, value).get();
    }

    public T get(Q q) {
        return filter(q).get();
    }

    private String describe() {
        if (described.isEmpty()) {
            return "(all rows)";
        }
        StringBuilder sb = new StringBuilder();
        for (Object d : described) {
            sb.append(sb.length() == 0 ? "" : ".").append(d instanceof Q q ? "filter(" + q + ")" : d);
        }
        return sb.toString();
    }

    /** The first row in the ordering (primary key order when unordered), or {@code null}. */
    public T first() {
        if (cache != null) {
            return cache.isEmpty() ? null : cache.get(0);
        }
        QueryTree base = t();
        QueryTree ordered = base.ordering().isEmpty() ? base.orderBy(List.of(Ordering.asc("pk"))) : base;
        List<T> rows = with(ordered.isSliced() ? ordered : ordered.slice(null, 1L), null).list();
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The last row in the ordering (primary key order when unordered), or {@code null}. */
    public T last() {
        if (cache != null) {
            return cache.isEmpty() ? null : cache.get(cache.size() - 1);
        }
        if (t().isSliced()) {
            List<T> rows = list();
            return rows.isEmpty() ? null : rows.get(rows.size() - 1);
        }
        List<T> rows = with(t().reverseOrdering().slice(null, 1L), null).list();
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Aggregates over all matching rows, by alias: {@code aggregate("avg", avg("rating"))}. */
    public Map<String, Object> aggregate(String alias, Aggregate aggregate) {
        Map<String, Aggregate> m = new LinkedHashMap<>();
        m.put(alias, aggregate);
        return aggregate(m);
    }

    /** Aggregates under Django's default aliases ({@code rating__avg}). */
    public Map<String, Object> aggregate(Aggregate... aggregates) {
        Map<String, Aggregate> m = new LinkedHashMap<>();
        for (Aggregate a : aggregates) {
            m.put(a.defaultAlias(), a);
        }
        return aggregate(m);
    }

    /** Aggregates over all matching rows, by alias. */
    public Map<String, Object> aggregate(Map<String, Aggregate> aggregates) {
        Map.Entry<QueryTree, Map<String, Expr>> resolved = t().resolveAggregates(aggregates);
        return Collections.unmodifiableMap(Loader.aggregate(Quarry.current().database(), resolved.getKey(), resolved.getValue()));
    }

    /** Sets fields on every matching row in one UPDATE; returns the number of rows. */
    public int update(String field, Object value, Object... more) {
        if (more.length % 2 != 0) {
            throw new IllegalArgumentException("update() takes field/value pairs; got an odd number of arguments");
        }
        ModelMeta meta = t().model();
        Map<String, Object> columns = new LinkedHashMap<>();
        List<Object> pairs = new ArrayList<>(List.of(field, value == null ? NULL : value));
        for (Object o : more) {
            pairs.add(o == null ? NULL : o);
        }
        for (int i = 0; i < pairs.size(); i += 2) {
            String name = String.valueOf(pairs.get(i));
            Object v = pairs.get(i + 1) == NULL ? null : pairs.get(i + 1);
            FieldMeta f = meta.requireField(name);
            if (f.primaryKey()) {
                throw new FieldError("update() cannot change the primary key " + f);
            }
            if (v == null && !f.nullable()) {
                throw new IllegalArgumentException(f + " is not nullable; update() cannot set it to null");
            }
            columns.put(f.column(), Values.coerce(v, f.type(), f.toString(), "update"));
        }
        Quarry q = Quarry.current();
        CompiledSql sql = new UpdateCompiler(q.backend().operations(), q.backend().features()).updateMatching(t(), columns);
        return q.database().update(sql);
    }

    private static final Object NULL = new Object();

    /** Deletes every matching row and what cascades from them, in one transaction; counts per model. */
    public Map<String, Integer> delete() {
        if (t().isSliced() || t().isDistinct()) {
            throw new IllegalStateException("Cannot delete() a sliced or distinct QuerySet");
        }
        Quarry q = Quarry.current();
        ModelMeta meta = t().model();
        if (meta.reverseRelations().isEmpty() && meta.manyToMany().isEmpty()) {
            // Nothing can cascade from these rows: one DELETE, as Django's fast delete.
            CompiledSql sql = new UpdateCompiler(q.backend().operations(), q.backend().features())
                    .deleteMatching(t().withoutOrdering());
            int n = q.database().update(sql);
            return n == 0 ? Map.of() : Map.of(meta.label(), n);
        }
        return q.inTransaction(() -> {
            List<Object> keys = new ArrayList<>();
            for (List<Object> row : Loader.tuples(q.database(), t().withoutOrdering().values(List.of("pk")))) {
                keys.add(row.get(0));
            }
            return Collector.delete(q.database(), t().model(), keys);
        });
    }

    /** The SELECT this QuerySet runs, with its parameters, without running it. */
    public CompiledSql sql() {
        return Loader.selectSql(Quarry.current().backend(), t());
    }

    QueryTree tree() {
        return t();
    }

    @Override
    public String toString() {
        return "QuerySet<" + type.getSimpleName() + ">" + (cache != null ? cache : "(" + describe() + ")");
    }
}
