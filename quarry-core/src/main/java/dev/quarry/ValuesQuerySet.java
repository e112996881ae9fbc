package dev.quarry;

import dev.quarry.expr.Aggregate;
import dev.quarry.load.Loader;
import dev.quarry.query.QueryTree;
import dev.quarry.sql.CompiledSql;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A lazy, immutable query whose rows are values rather than instances: maps ({@code values()}),
 * lists ({@code valuesList()}) or single values ({@code valuesList("name").flat(String.class)}).
 * Every builder method returns a new one and leaves this one unmodified.
 */
public final class ValuesQuerySet<R> implements Iterable<R> {
    private enum Kind { MAPS, TUPLES, FLAT }

    private final QueryTree tree;
    private final Kind kind;
    private final Function<Object, R> convert;
    private List<R> cache;

    private ValuesQuerySet(QueryTree tree, Kind kind, Function<Object, R> convert) {
        this.tree = tree;
        this.kind = kind;
        this.convert = convert;
    }

    @SuppressWarnings("unchecked")
    static ValuesQuerySet<Map<String, Object>> maps(QueryTree tree) {
        return new ValuesQuerySet<>(tree, Kind.MAPS, o -> (Map<String, Object>) o);
    }

    @SuppressWarnings("unchecked")
    static ValuesQuerySet<List<Object>> tuples(QueryTree tree) {
        return new ValuesQuerySet<>(tree, Kind.TUPLES, o -> (List<Object>) o);
    }

    private ValuesQuerySet<R> with(QueryTree t) {
        return new ValuesQuerySet<>(t, kind, convert);
    }

    /** Single values of the only selected path, as {@code type} (Django's {@code flat=True}). This QuerySet is not modified. */
    public <V> ValuesQuerySet<V> flat(Class<V> type) {
        if (tree.values().size() != 1) {
            throw new IllegalArgumentException("flat() needs exactly one field in valuesList(); got " + tree.values().keySet());
        }
        return new ValuesQuerySet<>(tree, Kind.FLAT, o -> cast(((List<?>) o).get(0), type));
    }

    private static <V> V cast(Object v, Class<V> type) {
        if (v == null || type.isInstance(v)) {
            return type.cast(v);
        }
        if (v instanceof Number n) {
            if (type == Long.class) {
                return type.cast(n.longValue());
            }
            if (type == Integer.class) {
                return type.cast(n.intValue());
            }
            if (type == Double.class) {
                return type.cast(n.doubleValue());
            }
        }
        if (type == String.class) {
            return type.cast(v.toString());
        }
        throw new ClassCastException("Value " + v + " is a " + v.getClass().getSimpleName() + ", not a " + type.getSimpleName());
    }

    public ValuesQuerySet<R> filter(String lookup, Object value) {
        return with(tree.filter(Q.of(lookup, value)));
    }

    public ValuesQuerySet<R> filter(Q q) {
        return with(tree.filter(q));
    }

    public ValuesQuerySet<R> exclude(String lookup, Object value) {
        return with(tree.exclude(Q.of(lookup, value)));
    }

    public ValuesQuerySet<R> exclude(Q q) {
        return with(tree.exclude(q));
    }

    /** Adds an aggregate; after {@code values(...)}, rows are grouped by those values. This QuerySet is not modified. */
    public ValuesQuerySet<R> annotate(String alias, Aggregate aggregate) {
        QueryTree t = tree.annotate(alias, aggregate);
        java.util.List<String> paths = new java.util.ArrayList<>(tree.values().keySet());
        paths.add(alias);
        return with(rebuildValues(t, paths));
    }

    private static QueryTree rebuildValues(QueryTree t, List<String> paths) {
        return t.values(paths);
    }

    /** Clears any ordering. This QuerySet is not modified. */
    public ValuesQuerySet<R> orderBy() {
        return with(tree.orderBy(List.of()));
    }

    public ValuesQuerySet<R> orderBy(String... terms) {
        return with(tree.orderBy(Arrays.stream(terms).map(Ordering::parse).toList()));
    }

    public ValuesQuerySet<R> orderBy(Ordering... terms) {
        return with(tree.orderBy(List.of(terms)));
    }

    public ValuesQuerySet<R> distinct() {
        return with(tree.distinct());
    }

    public ValuesQuerySet<R> limit(long n) {
        QuerySet.checkNonNegative(n, "limit");
        return with(tree.slice(null, n));
    }

    public ValuesQuerySet<R> offset(long n) {
        QuerySet.checkNonNegative(n, "offset");
        return with(tree.slice(n, null));
    }

    /** Every row, loaded once and then kept. */
    public List<R> list() {
        if (cache == null) {
            List<?> raw = kind == Kind.MAPS ? Loader.maps(Quarry.current().database(), tree)
                    : Loader.tuples(Quarry.current().database(), tree);
            cache = Collections.unmodifiableList(raw.stream().map(convert).toList());
        }
        return cache;
    }

    @Override
    public Iterator<R> iterator() {
        return list().iterator();
    }

    public long count() {
        return cache != null ? cache.size() : Loader.count(Quarry.current().database(), tree);
    }

    public boolean exists() {
        return cache != null ? !cache.isEmpty() : Loader.exists(Quarry.current().database(), tree);
    }

    /** The first row, or {@code null}. */
    public R first() {
        List<R> rows = cache != null ? cache : with(tree.isSliced() ? tree : tree.slice(null, 1L)).list();
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The SELECT this runs, with its parameters, without running it. */
    public CompiledSql sql() {
        return Loader.selectSql(Quarry.current().backend(), tree);
    }

    @Override
    public String toString() {
        return "ValuesQuerySet" + (cache != null ? cache : tree.values().keySet());
    }
}
