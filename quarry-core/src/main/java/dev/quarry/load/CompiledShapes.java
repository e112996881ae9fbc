package dev.quarry.load;

import dev.quarry.FetchMode;
import dev.quarry.db.Database;
import dev.quarry.model.ModelMeta;
import dev.quarry.model.Registry;
import dev.quarry.query.QueryTree;
import dev.quarry.query.SimpleFilter;
import dev.quarry.spi.Operations;
import dev.quarry.sql.CompiledSql;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The compiled-query cache: a query shape (a model, a tree built the same way, a database) compiles
 * to SQL and a row-reading plan once; later queries of that shape bind their new values to the same
 * text ({@code get("pk", id)}, {@code filter("isbn", x).first()}). Shapes are keyed by the
 * {@link Database} and {@link Registry} they were compiled for (by identity), so another backend,
 * another database or another Quarry's models never share an entry. An entry is only kept when
 * compiling the real tree gave exactly the parameters the shape predicts; a shape that does not
 * (a lookup rewriting its value, a backend writing it inline) is remembered as uncacheable and runs
 * the general way. Bounded: at most {@value #CAPACITY} entries, least recently used evicted. Safe to
 * use from any number of threads (one short lock per lookup).
 */
public final class CompiledShapes {
    /** The most shapes kept, over every Quarry of the JVM. */
    public static final int CAPACITY = 1024;

    private static final Object UNCACHEABLE = new Object();
    private static final Object NOT_SIMPLE = new Object();

    private static final Map<Object, Object> CACHE = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
            return size() > CAPACITY;
        }
    };

    private record FilterKey(Registry registry, Class<?> model, String lookup) {}

    private record RunKey(Database database, Registry registry, Object shape) {}

    private record Compiled(String sql, ModelRows rows) {}

    private CompiledShapes() {}

    private static Object cached(Object key) {
        synchronized (CACHE) {
            return CACHE.get(key);
        }
    }

    private static void store(Object key, Object value) {
        synchronized (CACHE) {
            CACHE.put(key, value);
        }
    }

    /** The number of entries now (for tests). */
    public static int size() {
        synchronized (CACHE) {
            return CACHE.size();
        }
    }

    /** The simple filter of {@code lookup} on {@code model}, resolved once per registry; {@code null} when it is not one. */
    public static SimpleFilter filter(Registry registry, ModelMeta model, String lookup) {
        FilterKey key = new FilterKey(registry, model.type(), lookup);
        Object f = cached(key);
        if (f == null) {
            SimpleFilter resolved = SimpleFilter.of(registry, model, lookup);
            f = resolved == null ? NOT_SIMPLE : resolved;
            store(key, f);
        }
        return f == NOT_SIMPLE ? null : (SimpleFilter) f;
    }

    /**
     * The instances of the query {@code tree} builds, for the values {@code values} (already prepared
     * for their columns), compiled once per {@code shape} and database: {@code shape} must say
     * everything but the values that the SQL depends on, and {@code tree} is only called on a miss.
     */
    public static List<Object> models(Session session, Object shape, List<Object> values, Supplier<QueryTree> tree,
                                      FetchMode mode) {
        Database db = session.database();
        RunKey key = new RunKey(db, session.registry(), shape);
        Object entry = cached(key);
        if (entry instanceof Compiled c) {
            LoadContext context = new LoadContext(session, mode);
            return db.query(CompiledSql.of(c.sql(), toDb(db.backend().operations(), values)),
                    rs -> c.rows().readAll(rs, context));
        }
        QueryTree t = tree.get();
        if (entry == null) {
            store(key, compile(db, t, values));
        }
        return Loader.models(session, t, mode);
    }

    private static Object compile(Database db, QueryTree t, List<Object> values) {
        if (t.lock() != null || t.matchesNothing()) {
            return UNCACHEABLE;
        }
        Operations ops = db.backend().operations();
        CompiledSql sql = Loader.selectSql(db.backend(), t);
        if (!Objects.equals(sql.params(), toDb(ops, values))) {
            return UNCACHEABLE;
        }
        return new Compiled(sql.sql(), new ModelRows(t, ops));
    }

    /** The values as the backend binds them (the parameters a compiled tree of this shape carries). */
    private static List<Object> toDb(Operations ops, List<Object> values) {
        List<Object> params = new ArrayList<>(values.size());
        for (Object v : values) {
            params.add(ops.toDb(v));
        }
        return params;
    }
}
