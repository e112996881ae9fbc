package dev.quarry;

import dev.quarry.deletion.Collector;
import dev.quarry.load.Loader;
import dev.quarry.load.Prefetcher;
import dev.quarry.load.Session;
import dev.quarry.persist.BulkUpdater;
import dev.quarry.persist.Updater;
import dev.quarry.query.QueryTree;
import dev.quarry.query.RowLock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A lazy, immutable query over one model's rows: a value, safe to keep in a field and to share
 * between threads. Building one runs no SQL; each terminal call ({@link #list()}, iteration,
 * {@link #count()}, {@link #exists()}, {@link #get()}, {@link #first()}) runs the query again and
 * returns fresh rows, unlike Django's result cache (ADR 0006). Every building method returns a new
 * QuerySet and leaves this one unmodified.
 *
 * <p>A QuerySet runs on the Quarry it was bound to with {@link #using(Quarry)}, or else on the
 * installed one. The QuerySet of a prefetched relation ({@code author.related("books").all()})
 * answers from the prefetched rows until it is refined.
 *
 * @param <T> the model
 */
public final class QuerySet<T extends Model> extends QueryBase<T, QuerySet<T>> implements ModelQueryable<T> {
    private final List<Prefetch> prefetches;
    private final FetchMode mode;
    private final List<T> rows;

    QuerySet(Class<T> type, Plan plan) {
        this(type, plan, List.of(), null, Described.NONE, null);
    }

    private QuerySet(Class<T> type, Plan plan, List<Prefetch> prefetches, FetchMode mode, Described described,
                     List<T> rows) {
        super(type, plan, described);
        this.prefetches = prefetches;
        this.mode = mode;
        this.rows = rows;
    }

    @Override
    QuerySet<T> with(Plan plan, Described described) {
        return new QuerySet<>(type(), plan, prefetches, mode, described, null);
    }

    /** The QuerySet of a prefetched relation: answers from {@code rows} until refined. */
    static <T extends Model> QuerySet<T> prefetched(Class<T> type, Plan plan, List<T> rows) {
        return new QuerySet<>(type, plan, List.of(), null, Described.NONE, Collections.unmodifiableList(rows));
    }

    // ----- building -----

    /** Loads these forward foreign keys in the same query with joins; none means every non-null one. This QuerySet is not modified. */
    @Override
    public QuerySet<T> selectRelated(String... paths) {
        List<String> p = List.of(paths);
        return next(t -> t.selectRelated(p));
    }

    /** Loads these relations with one query per level after the main query. This QuerySet is not modified. */
    @Override
    public QuerySet<T> prefetchRelated(String first, String... more) {
        Prefetch[] p = new Prefetch[more.length];
        for (int i = 0; i < more.length; i++) {
            p[i] = Prefetch.of(more[i]);
        }
        return prefetchRelated(Prefetch.of(first), p);
    }

    /** Prefetches with QuerySets of their own for the last level. This QuerySet is not modified. */
    @Override
    public QuerySet<T> prefetchRelated(Prefetch first, Prefetch... more) {
        List<Prefetch> added = new ArrayList<>(1 + more.length);
        added.add(first);
        added.addAll(Arrays.asList(more));
        List<Prefetch> all = new ArrayList<>(prefetches);
        all.addAll(added);
        // A path that names no relation fails now, before the main query runs.
        // A path may continue from the rows an earlier Prefetch kept under a name ("recentBooks__review_set").
        List<Prefetch> inOrder = List.copyOf(all);
        Plan checked = plan.then(t -> {
            Map<String, dev.quarry.model.ModelMeta> named = new java.util.HashMap<>();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (Prefetch p : inOrder) {
                PrefetchedRows.checkNotSeen(p, seen);
                dev.quarry.model.ModelMeta end = Prefetcher.check(t.registry(), t.model(), p.path(), named,
                        p.queryset() != null || p.toAttr() != null);
                p.check(end);
                if (p.toAttr() != null) {
                    Prefetcher.checkToAttr(t.registry(), t.model(), p.path(), p.toAttr(), named);
                    named.put(Prefetcher.keptPath(p.path(), p.toAttr()), end);
                }
            }
            return t;
        });
        return new QuerySet<>(type(), checked, inOrder, mode, described, null);
    }

    /** What touching an unloaded relation does on the instances this QuerySet loads. This QuerySet is not modified. */
    @Override
    public QuerySet<T> fetchMode(FetchMode fetchMode) {
        return new QuerySet<>(type(), plan, prefetches, java.util.Objects.requireNonNull(fetchMode, "fetchMode"), described, null);
    }

    /** The same rows, locked as they are read (FOR UPDATE); only inside a transaction. This QuerySet is not modified. */
    @Override
    public QuerySet<T> selectForUpdate() {
        return selectForUpdate(OnLocked.WAIT);
    }

    /** The same rows, locked as they are read, with these options. This QuerySet is not modified. */
    @Override
    public QuerySet<T> selectForUpdate(OnLocked onLocked, String... of) {
        RowLock lock = Steps.lock(onLocked, of);
        QuerySet<T> locked = next(t -> t.withLock(lock));
        // As Django: a locking read runs where writes go.
        return new QuerySet<>(type(), locked.plan.forWrite(), prefetches, mode, described, null);
    }

    /** The same query on {@code db} (resolved against its models now). This QuerySet is not modified. */
    public QuerySet<T> using(Quarry db) {
        return new QuerySet<>(type(), plan.using(java.util.Objects.requireNonNull(db, "db")), prefetches, mode, described, null);
    }

    /**
     * The same query on the named database of its Quarry, whatever the routers would choose
     * ({@code Book.objects.filter(...).using("replica")}); a name that is none of the Quarry's databases
     * is refused now when the Quarry is known. This QuerySet is not modified.
     */
    public QuerySet<T> using(String database) {
        return new QuerySet<>(type(), plan.using(database), prefetches, mode, described, null);
    }

    // ----- evaluation -----

    /** Runs the query: every row, in an immutable list (a prefetched relation answers from memory). */
    @Override
    public List<T> list() {
        if (rows != null) {
            return rows;
        }
        Quarry q = plan.quarry();
        Shapes.Cursor known = prefetches.isEmpty() ? plan.cursor(q) : null;
        if (known != null) {
            return runKnown(q, known, () -> plan.tree(q));
        }
        return fetch(q, plan.tree(q));
    }

    /**
     * The rows of the shape {@code at}, built before: its compiled SQL and row reader are reused, and
     * {@code tree} (the query's tree) is built only on a miss.
     */
    private List<T> runKnown(Quarry q, Shapes.Cursor at, java.util.function.Supplier<QueryTree> tree) {
        FetchMode m = mode != null ? mode : q.fetchMode();
        return typed(dev.quarry.load.CompiledShapes.models(plan.session(q, false), at.terminal("list"), at.prepared(),
                tree, m));
    }

    /** As {@link #list()} runs a known shape, for {@code get(lookup, value)}: nothing is built unless its SQL must be compiled. */
    @Override
    List<T> knownRows(Shapes.Cursor at, String lookup, Object value) {
        if (!prefetches.isEmpty()) {
            return null;
        }
        Quarry q = plan.quarry();
        if (at.registry() != q.registry()) {
            return null;
        }
        return runKnown(q, at, () -> planForGet(lookup, value).tree(q));
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> typed(List<Object> found) {
        return Collections.unmodifiableList((List<T>) (List<?>) found);
    }

    @SuppressWarnings("unchecked")
    private List<T> fetch(Quarry q, QueryTree tree) {
        Session session = plan.session(q, false);
        FetchMode m = mode != null ? mode : q.fetchMode();
        if (prefetches.isEmpty()) {
            return Collections.unmodifiableList((List<T>) (List<?>) Loader.models(session, tree, m));
        }
        // Checked before the prefetch's own transaction begins, which would otherwise let a lock through.
        Loader.checkLock(session.database(), tree);
        return q.atomic(session.name()).call(() -> {
            List<Object> loaded = Loader.models(session, tree, m);
            prefetchAll(q, session, loaded, prefetches, m, dev.quarry.load.WholeLevels.of(tree));
            return Collections.unmodifiableList((List<T>) (List<?>) loaded);
        });
    }

    /**
     * Runs {@code all} on {@code owners}; a Prefetch whose QuerySet prefetches again continues from the rows it loaded.
     * {@code levels} knows whether the owners (and the levels loaded from them) are every row of their model.
     */
    private static void prefetchAll(Quarry q, Session session, List<Object> owners, List<Prefetch> all, FetchMode m,
                                    dev.quarry.load.WholeLevels levels) {
        for (Prefetch p : all) {
            QuerySet<?> inner = p.queryset();
            QueryTree custom = inner == null ? null : inner.plan.tree(q);
            FetchMode innerMode = inner == null || inner.mode == null ? m : inner.mode;
            List<Object> last = Prefetcher.prefetch(session, owners, p.path(), innerMode, custom, p.toAttr(), levels);
            if (inner != null && !inner.prefetches.isEmpty() && !last.isEmpty()) {
                prefetchAll(q, session, last, inner.prefetches, innerMode,
                        levels.nested(Prefetcher.keptPath(p.path(), p.toAttr())));
            }
        }
    }

    /**
     * Streams the rows through a database cursor without keeping them (Django's {@code iterator()});
     * close the stream (try-with-resources). Prefetching needs the whole result, so it is refused here.
     */
    @Override
    @SuppressWarnings("unchecked")
    public Stream<T> stream() {
        if (rows != null) {
            return rows.stream();
        }
        if (!prefetches.isEmpty()) {
            throw new QueryError("stream() reads rows one at a time and cannot prefetchRelated(" + prefetches
                    + "); use list()");
        }
        Quarry q = plan.quarry();
        return (Stream<T>) (Stream<?>) Loader.stream(plan.session(q, false), plan.tree(q), mode != null ? mode : q.fetchMode());
    }

    /** Runs {@code SELECT COUNT(*)} (a prefetched relation counts from memory). */
    @Override
    public long count() {
        if (rows != null) {
            return rows.size();
        }
        Quarry q = plan.quarry();
        Shapes.Cursor known = plan.cursor(q);
        if (known != null) {
            return dev.quarry.load.CompiledShapes.count(plan.session(q, false), known.terminal("count"), known.prepared(),
                    () -> plan.tree(q));
        }
        return Loader.count(plan.session(q, false).database(), plan.tree(q));
    }

    /** Runs a query for one row: whether any row matches. */
    @Override
    public boolean exists() {
        if (rows != null) {
            return !rows.isEmpty();
        }
        Quarry q = plan.quarry();
        Shapes.Cursor known = plan.cursor(q);
        if (known != null) {
            return dev.quarry.load.CompiledShapes.exists(plan.session(q, false), known.terminal("exists"), known.prepared(),
                    () -> plan.tree(q));
        }
        return Loader.exists(plan.session(q, false).database(), plan.tree(q));
    }

    /** The one matching row; {@link DoesNotExist} or {@link MultipleObjectsReturned} name the model and lookup. */
    @Override
    public T get() {
        return single(rows != null ? rows : rowsForGet());
    }

    /** The first row in the ordering (primary key order when unordered), if any. */
    @Override
    public Optional<T> first() {
        return rows != null ? rows.stream().findFirst() : firstRow();
    }

    /** The last row in the ordering (primary key order when unordered), if any. */
    @Override
    public Optional<T> last() {
        if (rows != null) {
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(rows.size() - 1));
        }
        return lastRow();
    }

    /** Sets one field on every matching row in one UPDATE; returns the number of rows. */
    @Override
    public int update(String field, Object value) {
        java.util.HashMap<String, Object> one = new java.util.HashMap<>();
        one.put(field, value);
        return update(one);
    }

    /** Sets these fields on every matching row in one UPDATE; returns the number of rows. */
    @Override
    public int update(Map<String, ?> fieldValues) {
        Quarry q = plan.quarry();
        return Updater.update(plan.session(q, true).database(), plan.tree(q), fieldValues);
    }

    /** The matching row, or a new one made from the lookup's fields and saved (Django's get_or_create). */
    @Override
    public Created<T> getOrCreate(Map<String, ?> lookup) {
        return getOrCreate(lookup, o -> { });
    }

    /** The matching row, or a new one made from the lookup's fields and {@code defaults} and saved. */
    @Override
    public Created<T> getOrCreate(Map<String, ?> lookup, Consumer<? super T> defaults) {
        return GetOrCreate.getOrCreate(this, lookup, defaults, creator());
    }

    /** The matching row, or a new one made from the lookup's fields and these values and saved. */
    @Override
    public Created<T> getOrCreate(Map<String, ?> lookup, Map<String, ?> defaults) {
        return getOrCreate(lookup, GetOrCreate.fromMap(this, defaults));
    }

    /** The matching row locked, updated with {@code defaults} and saved, or a new one; in one transaction. */
    @Override
    public Created<T> updateOrCreate(Map<String, ?> lookup, Consumer<? super T> defaults) {
        return GetOrCreate.updateOrCreate(this, lookup, defaults, creator());
    }

    /** The matching row locked, updated with these values and saved, or a new one; in one transaction. */
    @Override
    public Created<T> updateOrCreate(Map<String, ?> lookup, Map<String, ?> defaults) {
        return updateOrCreate(lookup, GetOrCreate.fromMap(this, defaults));
    }

    /** How this QuerySet makes a row: a plain insert on its Quarry, in the database its writes go to. */
    private java.util.function.Function<Consumer<? super T>, T> creator() {
        return init -> {
            Quarry q = plan.quarry();
            return Manager.of(type()).using(q).using(plan.database(q, true)).create(init);
        };
    }

    /** This QuerySet routed as a write for its reads too (getOrCreate's get, as Django's {@code _for_write}). */
    QuerySet<T> forWrite() {
        return new QuerySet<>(type(), plan.forWrite(), prefetches, mode, described, rows);
    }

    /** Writes these fields of each object in one UPDATE per batch; returns the rows matched. */
    @Override
    public int bulkUpdate(Collection<? extends T> objects, String field, String... more) {
        List<String> fields = new ArrayList<>(1 + more.length);
        fields.add(field);
        fields.addAll(Arrays.asList(more));
        return bulkUpdate(objects, fields, 0);
    }

    /** Writes these fields of each object, at most {@code batchSize} per UPDATE; returns the rows matched. */
    @Override
    public int bulkUpdate(Collection<? extends T> objects, List<String> fields, int batchSize) {
        if (batchSize < 0) {
            throw new QueryError("bulkUpdate() batchSize must be 0 (as many as fit) or more; got " + batchSize);
        }
        Quarry q = plan.quarry();
        Session s = plan.session(q, true);
        List<T> all = List.copyOf(objects);
        BulkUpdater.Plan update = BulkUpdater.plan(s.database(), q.registry().meta(type), all, fields, batchSize);
        if (all.isEmpty()) {
            return 0;
        }
        return q.atomic(s.name()).call(() -> {
            int matched = 0;
            for (BulkUpdater.Batch batch : update.batches()) {
                matched += update.run(s.database(), filter("pk__in", batch.keys()).plan.tree(q), batch);
            }
            update.raiseVersions();
            return matched;
        });
    }

    /** The rows with these primary keys, by the caller's keys, in their order. */
    @Override
    public <K> Map<K, T> inBulk(Collection<K> keys) {
        return inBulk("pk", keys);
    }

    /** The rows with these values of a unique field, by the caller's values, in their order. */
    @Override
    public <K> Map<K, T> inBulk(String field, Collection<K> values) {
        return InBulk.of(this, field, values);
    }

    /** Deletes every matching row and what cascades from them, in one transaction; counts per model. */
    public Map<String, Integer> delete() {
        Quarry q = plan.quarry();
        // As Django, deleting takes no row lock of its own: the collection runs in the delete's transaction.
        return Collector.deleteMatching(plan.session(q, true), plan.tree(q).withLock(null));
    }

    Plan plan() {
        return plan;
    }

    @SuppressWarnings("unchecked")
    Class<T> type() {
        return (Class<T>) type;
    }

    /** The model and the conditions, with {@code ?} for values; runs nothing. */
    @Override
    public String toString() {
        return "QuerySet<" + type.getSimpleName() + ">(" + describe() + ")";
    }
}
