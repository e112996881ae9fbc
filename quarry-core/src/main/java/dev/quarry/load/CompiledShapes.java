package dev.quarry.load;

import dev.quarry.FetchMode;
import dev.quarry.db.Database;
import dev.quarry.model.Registry;
import dev.quarry.query.QueryTree;
import dev.quarry.spi.Operations;
import dev.quarry.sql.CompiledSql;
import dev.quarry.sql.SelectCompiler;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The compiled-query cache: a query shape (a model, a tree built the same way, a database) compiles
 * to SQL and a row-reading plan once; later queries of that shape bind their new values to the same
 * text ({@code get("pk", id)}, {@code filter("isbn", x).first()}). Shapes are keyed by the
 * {@link Database} and {@link Registry} they were compiled for (by identity), so another backend,
 * another database or another Quarry's models never share an entry. An entry is only kept when
 * compiling the real tree gave exactly the parameters the shape predicts; a shape that does not
 * (a lookup rewriting its value, a backend writing it inline) is remembered as uncacheable and runs
 * the general way. Bounded: at most {@value #CAPACITY} entries, the oldest evicted first; a Quarry's
 * entries are dropped when it is closed ({@link #forget}). Safe to
 * use from any number of threads: a lookup takes no lock, storing a new entry takes one short lock.
 */
public final class CompiledShapes {
    /** The most shapes kept, over every Quarry of the JVM. */
    public static final int CAPACITY = 1024;

    private static final Object UNCACHEABLE = new Object();

    /** The entries; read without a lock, so that a hit costs one hash lookup. */
    private static final ConcurrentHashMap<Object, Object> CACHE = new ConcurrentHashMap<>(256);
    /** The keys in the order they were stored, the oldest evicted first; changed only under its own lock. */
    private static final ArrayDeque<Object> ORDER = new ArrayDeque<>();
    /**
     * The registries of closed Quarrys, so that a query still running when its Quarry closed cannot
     * store an entry after {@link #forget} ran; weak, so that they can still be collected. Under ORDER's lock.
     */
    private static final java.util.Map<Registry, Boolean> FORGOTTEN = new java.util.WeakHashMap<>();

    private record RunKey(Database database, Registry registry, Object shape) {}

    /** A cached entry; {@code dropped} once it has left the cache, so that a {@link Memo} no longer gives it. */
    private abstract static class Entry {
        volatile boolean dropped;
    }

    /**
     * The text of a shape's statement and the reader of its rows: a {@link ModelRows}, a
     * {@link ValuesRows}, or {@code null} when its rows need no reader of their own ({@code sql()}, a
     * count, an exists).
     */
    private static final class Compiled extends Entry {
        final String sql;
        final Object rows;

        Compiled(String sql, Object rows) {
            this.sql = sql;
            this.rows = rows;
        }
    }

    /** The entry a {@link Memo} last found, with the key it is stored under. */
    private record Hit(RunKey key, Entry entry) {}

    /**
     * A shape (the {@code shape} of this class's methods) that keeps the entry last found for it, so
     * that running it again on the same database and registry finds its compiled SQL without making
     * or hashing a key, for as long as that entry is in the cache. A subclass is a key: it defines
     * {@code equals} and {@code hashCode}. Safe to share between threads.
     */
    public abstract static class Memo {
        private volatile Hit hit;

        /** A shape with nothing found yet. */
        protected Memo() {
        }
    }

    private CompiledShapes() {}

    /** The entry of {@code shape} on {@code db} for {@code registry}, or {@code null}; a {@link Memo} answers first. */
    private static Object cached(Database db, Registry registry, Object shape) {
        Memo memo = shape instanceof Memo m ? m : null;
        if (memo != null) {
            Hit h = memo.hit;
            if (h != null && h.key().database() == db && h.key().registry() == registry && !h.entry().dropped) {
                return h.entry();
            }
        }
        RunKey key = new RunKey(db, registry, shape);
        Object entry = CACHE.get(key);
        if (memo != null && entry instanceof Entry e) {
            memo.hit = new Hit(key, e);
        }
        return entry;
    }

    /** Marks {@code entry}, just removed from the cache, as gone. */
    private static void dropped(Object entry) {
        if (entry instanceof Entry e) {
            e.dropped = true;
        }
    }

    private static void store(Object key, Object value) {
        synchronized (ORDER) {
            Registry owner = ((RunKey) key).registry();
            if (FORGOTTEN.containsKey(owner)) {
                return;
            }
            if (CACHE.putIfAbsent(key, value) == null) {
                ORDER.addLast(key);
                while (ORDER.size() > CAPACITY) {
                    dropped(CACHE.remove(ORDER.removeFirst()));
                }
            }
        }
    }

    /**
     * Drops every entry compiled for {@code registry} or for the database of one of {@code sessions}
     * (a Quarry being closed), so that the cache keeps none of a closed Quarry's objects reachable.
     */
    public static void forget(Registry registry, Collection<Session> sessions) {
        Set<Database> dbs = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Session s : sessions) {
            dbs.add(s.database());
        }
        synchronized (ORDER) {
            FORGOTTEN.put(registry, Boolean.TRUE);
            ORDER.removeIf(k -> {
                boolean drop = k instanceof RunKey r && (r.registry() == registry || dbs.contains(r.database()));
                if (drop) {
                    dropped(CACHE.remove(k));
                }
                return drop;
            });
        }
    }

    /** The number of entries now (for tests). */
    public static int size() {
        synchronized (ORDER) {
            return CACHE.size();
        }
    }

    /**
     * The instances of the query {@code tree} builds, for the values {@code values} (already prepared
     * for their columns), compiled once per {@code shape} and database: {@code shape} must say
     * everything but the values that the SQL depends on, and {@code tree} is only called on a miss.
     */
    public static List<Object> models(Session session, Object shape, List<Object> values, Supplier<QueryTree> tree,
                                      FetchMode mode) {
        Database db = session.database();
        Object entry = cached(db, session.registry(), shape); // looked up once: a hit, a miss, or uncacheable
        if (entry instanceof Compiled c && c.rows instanceof ModelRows rows) {
            LoadContext context = new LoadContext(session, mode);
            return db.query(bound(db, c.sql, values), rs -> rows.readAll(rs, context));
        }
        QueryTree t = tree.get();
        if (entry == null) {
            Object compiled = compile(db, t, values);
            if (compiled != null) {
                store(new RunKey(db, session.registry(), shape), compiled);
            }
        }
        return Loader.models(session, t, mode);
    }

    private static Object compile(Database db, QueryTree t, List<Object> values) {
        if (!reusable(t)) {
            return UNCACHEABLE;
        }
        Operations ops = db.backend().operations();
        CompiledSql sql = Loader.selectSql(db.backend(), t);
        Object fit = fit(sql, toDb(ops, values));
        return fit == null ? null : fit == UNCACHEABLE ? fit : new Compiled(sql.sql(), new ModelRows(t, ops));
    }

    /**
     * Whether the SQL of {@code t} can be run again for another query of its shape: not when it
     * locks rows, sends no SQL at all ({@code limit(0)}, a condition that can never hold), or refers
     * to an enclosing query (the general path refuses it with its own message each time).
     */
    private static boolean reusable(QueryTree t) {
        if (t.lock() != null || t.matchesNothing() || (t.limit() != null && t.limit() == 0)) {
            return false;
        }
        try {
            t.checkRunnable();
            return true;
        } catch (RuntimeException refused) {
            return false;
        }
    }

    /**
     * Whether {@code sql}'s parameters are exactly {@code params}, in order ({@code Boolean.TRUE}),
     * or not ({@link #UNCACHEABLE}); {@code null} when two of the values are equal, which could hide
     * parameters bound in another order than the values were given: the entry is then left for a
     * later query of the same shape.
     */
    private static Object fit(CompiledSql sql, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            for (int j = i + 1; j < params.size(); j++) {
                if (Objects.equals(params.get(i), params.get(j))) {
                    return null;
                }
            }
        }
        return Objects.equals(sql.params(), params) ? Boolean.TRUE : UNCACHEABLE;
    }

    /**
     * The SELECT of the query {@code tree} builds, as {@code sql()} shows it, for the values
     * {@code values} (prepared), compiled once per {@code shape} and database; {@code tree} is only
     * called on a miss.
     */
    public static dev.quarry.Sql describe(Session session, Object shape, List<Object> values, Supplier<QueryTree> tree) {
        CompiledSql sql = known(session, shape, values);
        if (sql == null) {
            QueryTree t = tree.get();
            sql = Loader.selectSql(session.database().backend(), t);
            remember(session, shape, values, t, sql);
        }
        CompiledSql compiled = sql;
        Operations ops = session.database().backend().operations();
        return dev.quarry.Sql.of(compiled.sql(), compiled.params(), () -> compiled.inline(ops));
    }

    /**
     * The rows of the values query {@code tree} builds, as maps ({@code maps}) or lists, for the
     * values {@code values} (prepared), compiled with its row reader once per {@code shape} and database.
     */
    public static List<Object> values(Session session, Object shape, List<Object> values, Supplier<QueryTree> tree,
                                      boolean maps) {
        Database db = session.database();
        Object entry = cached(db, session.registry(), shape);
        if (entry instanceof Compiled v && v.rows instanceof ValuesRows rows) {
            return db.query(bound(db, v.sql, values),
                    rs -> ValuesRows.all(rs, maps ? rows::map : rows::tuple));
        }
        QueryTree t = tree.get();
        if (entry == null && reusable(t)) {
            Operations ops = db.backend().operations();
            CompiledSql sql = Loader.selectSql(db.backend(), t);
            Object fit = fit(sql, toDb(ops, values));
            if (fit != null) {
                store(new RunKey(db, session.registry(), shape),
                        fit == UNCACHEABLE ? fit : new Compiled(sql.sql(), new ValuesRows(t, ops)));
            }
        }
        return new ArrayList<>(maps ? Loader.maps(db, t) : Loader.tuples(db, t));
    }

    /** {@code SELECT COUNT(*)} of the query {@code tree} builds, compiled once per {@code shape} and database. */
    public static long count(Session session, Object shape, List<Object> values, Supplier<QueryTree> tree) {
        Database db = session.database();
        CompiledSql sql = known(session, shape, values);
        if (sql != null) {
            return db.query(sql, rs -> {
                rs.next();
                return rs.getLong(1);
            });
        }
        QueryTree t = tree.get();
        if (reusable(t)) {
            remember(session, shape, values, t, new SelectCompiler(db.backend().operations(), db.backend().features()).count(t));
        }
        return Loader.count(db, t);
    }

    /** Whether the query {@code tree} builds matches a row, compiled once per {@code shape} and database. */
    public static boolean exists(Session session, Object shape, List<Object> values, Supplier<QueryTree> tree) {
        Database db = session.database();
        CompiledSql sql = known(session, shape, values);
        if (sql != null) {
            return db.query(sql, rs -> rs.next());
        }
        QueryTree t = tree.get();
        if (reusable(t)) {
            remember(session, shape, values, t, new SelectCompiler(db.backend().operations(), db.backend().features()).exists(t));
        }
        return Loader.exists(db, t);
    }

    /** The cached text of {@code shape} on the session's database with {@code values} bound, or {@code null} on a miss. */
    private static CompiledSql known(Session session, Object shape, List<Object> values) {
        Database db = session.database();
        Object entry = cached(db, session.registry(), shape);
        return entry instanceof Compiled text && text.rows == null ? bound(db, text.sql, values) : null;
    }

    /** Keeps {@code sql}, compiled from {@code t}, as the text of {@code shape} if its parameters are the values. */
    private static void remember(Session session, Object shape, List<Object> values, QueryTree t, CompiledSql sql) {
        Database db = session.database();
        RunKey key = new RunKey(db, session.registry(), shape);
        if (CACHE.get(key) != null) {
            return;
        }
        Object fit = reusable(t) ? fit(sql, toDb(db.backend().operations(), values)) : UNCACHEABLE;
        if (fit != null) {
            store(key, fit == UNCACHEABLE ? fit : new Compiled(sql.sql(), null));
        }
    }

    /** A cached text with these prepared values bound as {@code db}'s backend binds them. */
    private static CompiledSql bound(Database db, String sql, List<Object> values) {
        return CompiledSql.ofOwned(sql, toDbArray(db.backend().operations(), values));
    }

    /** The values as the backend binds them (the parameters a compiled tree of this shape carries). */
    private static List<Object> toDb(Operations ops, List<Object> values) {
        return java.util.Arrays.asList(toDbArray(ops, values));
    }

    private static Object[] toDbArray(Operations ops, List<Object> values) {
        Object[] params = new Object[values.size()];
        for (int i = 0; i < params.length; i++) {
            params[i] = ops.toDb(values.get(i));
        }
        return params;
    }
}
