package dev.quarry;

import dev.quarry.expr.Aggregate;
import dev.quarry.load.Loader;
import dev.quarry.query.QueryTree;
import dev.quarry.query.RowLock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The pieces {@link QuerySet} and {@link ValuesQuerySet} share: argument checks, ordering terms, first(), aggregate(). */
final class Steps {
    private Steps() {}

    static List<Ordering> parse(String first, String... more) {
        List<Ordering> out = new ArrayList<>(1 + more.length);
        out.add(Ordering.parse(first));
        for (String m : more) {
            out.add(Ordering.parse(m));
        }
        return List.copyOf(out);
    }

    /**
     * Whether an expression, an ordering, a list of them or a condition can be part of a shape's key
     * ({@link Shapes}): built only of values compared by what they hold, so a query of the same key
     * builds the same tree. Queries (subqueries, {@code Exists}, a QuerySet as a value) are compared by
     * identity, so a step holding one is not kept as a shape.
     */
    static boolean keyable(Object x) {
        if (x == null || x instanceof dev.quarry.expr.F || x instanceof String || x instanceof Class<?>
                || x instanceof Long) {
            return true;
        }
        if (x instanceof QueryBase.StepKey k) {
            // A filter's key is the shape of its condition, which has only plain values (ValueSlot.shape).
            return k.step().equals("filter") || k.step().equals("exclude") || keyable(k.arguments());
        }
        if (x instanceof dev.quarry.expr.Value<?> v) {
            return v.value() == null || !v.value().getClass().isArray();
        }
        if (x instanceof dev.quarry.expr.Combined c) {
            return keyable(c.left()) && keyable(c.right());
        }
        if (x instanceof dev.quarry.expr.Func<?> f) {
            return keyable(f.arguments());
        }
        if (x instanceof dev.quarry.expr.Case<?> c) {
            for (dev.quarry.expr.When w : c.whens()) {
                if (!keyable(w.condition()) || !keyable(w.then())) {
                    return false;
                }
            }
            return keyable(c.otherwise());
        }
        if (x instanceof Aggregate<?> a) {
            return keyable(a.argument()) && keyable(a.filter());
        }
        if (x instanceof dev.quarry.expr.Window<?> w) {
            return keyable(w.expression()) && keyable(w.partitionBy()) && keyable(w.orderBy());
        }
        if (x instanceof Ordering o) {
            return keyable(o.expression());
        }
        if (x instanceof List<?> l) {
            for (Object e : l) {
                if (!keyable(e)) {
                    return false;
                }
            }
            return true;
        }
        if (x instanceof Q q) {
            return keyable(q.condition());
        }
        if (x instanceof dev.quarry.query.Condition.Leaf leaf) {
            Object v = leaf.value();
            return v instanceof dev.quarry.expr.Expression<?> ? keyable(v)
                    : v == null || !(v.getClass().isArray() || v instanceof Queryable<?, ?> || v instanceof Manager<?>);
        }
        if (x instanceof dev.quarry.query.Condition.Holds h) {
            return keyable(h.expression());
        }
        if (x instanceof dev.quarry.query.Condition.Node n) {
            return keyable(n.children());
        }
        return false; // Subquery, Exists, OuterRef (only runs inside another query), anything compared by identity
    }

    static List<Ordering> parse(List<String> terms) {
        List<Ordering> out = new ArrayList<>(terms.size());
        for (String t : terms) {
            out.add(Ordering.parse(t));
        }
        return List.copyOf(out);
    }

    /** The key of a parsed ordering term among the values a registry derives. */
    private record OrderingTerm(String term) {}

    /**
     * {@code terms} parsed as {@link #parse(List)} parses them, each term once per registry (an orderBy
     * step is applied each time its tree is built); a term that does not parse throws each time, and
     * is never kept.
     */
    static List<Ordering> parse(dev.quarry.model.Registry registry, List<String> terms) {
        Ordering[] out = new Ordering[terms.size()];
        for (int i = 0; i < out.length; i++) {
            String term = terms.get(i);
            out[i] = term == null ? Ordering.parse(null) : registry.derived(new OrderingTerm(term), k -> Ordering.parse(k.term()));
        }
        return List.of(out);
    }

    static List<Ordering> of(Ordering first, Ordering... more) {
        List<Ordering> out = new ArrayList<>(1 + more.length);
        out.add(first);
        out.addAll(List.of(more));
        return List.copyOf(out);
    }

    static void checkNonNegative(long n, String what) {
        if (n < 0) {
            throw new QueryError("Negative " + what + " is not supported: " + n);
        }
    }

    static void checkSlice(long from, long to) {
        checkNonNegative(from, "slice start");
        if (to < from) {
            throw new QueryError("slice end " + to + " is before its start " + from);
        }
    }

    /**
     * The tree reduced to its first row: ordered by primary key when unordered (a window already
     * taken keeps the database's order), then the first row of the window.
     */
    static QueryTree first(QueryTree t) {
        QueryTree ordered = t.ordering().isEmpty() && !t.isSliced() ? t.orderBy(List.of(Ordering.asc("pk"))) : t;
        return ordered.slice(0, 1);
    }

    /** The row lock of {@code selectForUpdate(onLocked, of)}. */
    static RowLock lock(OnLocked onLocked, String... of) {
        java.util.Objects.requireNonNull(onLocked, "onLocked");
        for (String name : of) {
            if (name == null || name.isEmpty()) {
                throw new QueryError("selectForUpdate(..., of) takes 'self' or selectRelated paths; got "
                        + (name == null ? "null" : "an empty name"));
            }
        }
        return new RowLock(onLocked == OnLocked.NOWAIT, onLocked == OnLocked.SKIP_LOCKED, List.of(of));
    }

    static Map<String, Aggregate<?>> byDefaultAlias(Aggregate<?> first, Aggregate<?> second, Aggregate<?>... more) {
        Map<String, Aggregate<?>> m = new LinkedHashMap<>();
        m.put(first.defaultAlias(), first);
        m.put(second.defaultAlias(), second);
        for (Aggregate<?> a : more) {
            m.put(a.defaultAlias(), a);
        }
        return m;
    }

    /** Runs the aggregates over the plan's rows in one query. */
    static Aggregation aggregate(Plan plan, Map<String, ? extends Aggregate<?>> aggregates) {
        if (aggregates.isEmpty()) {
            throw new QueryError("aggregate() needs at least one aggregate");
        }
        Quarry q = plan.quarry();
        return new Aggregation(Loader.aggregate(plan.session(q, false).database(), plan.tree(q).aggregate(aggregates)),
                aggregates);
    }
}
