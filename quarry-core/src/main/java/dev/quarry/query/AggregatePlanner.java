package dev.quarry.query;

import dev.quarry.FieldError;
import dev.quarry.QueryError;
import dev.quarry.expr.Aggregate;
import dev.quarry.model.JoinStep;
import dev.quarry.query.expr.AggregateExpr;
import dev.quarry.query.expr.CaseExpr;
import dev.quarry.query.expr.Col;
import dev.quarry.query.expr.DerivedCol;
import dev.quarry.query.expr.Expr;
import dev.quarry.query.expr.KeysOf;
import dev.quarry.query.lookup.LookupRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans {@code aggregate()} so that every value is the true one. Aggregates are grouped into parts,
 * each one SELECT over the rows it needs, cross-joined into one statement when there are several:
 * <ul>
 *   <li>over the query's own rows and joins (a filter's join is reused, as Django does);</li>
 *   <li>over the query as a derived table when it is annotated, distinct or sliced, as Django wraps
 *       it ({@code SELECT AVG("book_count") FROM (...) subquery});</li>
 *   <li>apart, when aggregates cross different multi-valued relations, whose joins would multiply
 *       each other's rows (Django's #10060: Count('books') beside Count('books__review') would count
 *       each book once per review): one part per relation;</li>
 *   <li>detached, when an aggregate over a wrapped (grouped or sliced) query crosses a multi-valued
 *       relation: joining it inside would split the query's groups, so the aggregate runs over the
 *       query's filter joins, restricted to the rows the query keeps ({@code pk IN (...)}).</li>
 * </ul>
 */
final class AggregatePlanner {
    /** The key of the part computed over the wrapped query. */
    private static final Object WRAPPED = new Object();

    private AggregatePlanner() {}

    static AggregateQuery plan(QueryTree base, Map<String, ? extends Aggregate<?>> aggregates) {
        for (Map.Entry<String, ? extends Aggregate<?>> e : aggregates.entrySet()) {
            // An aggregate alias only names a result (Django's default is "rating__avg"), so "__" is fine here.
            if (e.getKey() == null || !Annotator.isIdentifier(e.getKey())) {
                throw new FieldError(base.model.type(), e.getKey(), String.format("Invalid aggregate alias %s on %s: use "
                        + "letters, digits and underscores, starting with a letter", dev.quarry.internal.Excerpt.of(e.getKey()),
                        base.model.name()));
            }
            if (e.getValue() == null) {
                throw new QueryError("aggregate() on " + base.model.name() + " was given a null aggregate for '" + e.getKey() + "'");
            }
        }
        boolean windowed = base.annotations.values().stream().anyMatch(Expr::containsWindow);
        boolean wrap = base.isAggregated() || base.distinct || base.isSliced() || windowed || base.qualify != null;
        // Joining a multi-valued relation inside a grouped or sliced query would change its rows.
        boolean detach = wrap && (base.isAggregated() || base.isSliced() || base.qualify != null);
        Map<Object, Map<String, Aggregate<?>>> groups = new LinkedHashMap<>();
        aggregates.forEach((alias, agg) -> {
            Object key;
            if (!wrap) {
                key = relations(base, agg, false);
            } else if (detach && !relations(withoutJoins(base), agg, true).isEmpty()) {
                key = relations(withoutJoins(base), agg, true);
            } else {
                key = WRAPPED;
            }
            groups.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(alias, agg);
        });
        List<AggregateQuery.Part> parts = new ArrayList<>();
        Map<String, Expr> byAlias = new HashMap<>();
        QueryTree detached = null;
        for (Map.Entry<Object, Map<String, Aggregate<?>>> g : groups.entrySet()) {
            AggregateQuery.Part p;
            if (g.getKey() == WRAPPED) {
                p = wrapped(base, g.getValue());
            } else if (wrap) {
                detached = detached != null ? detached : detached(base);
                p = plain(detached, g.getValue());
            } else {
                p = plain(base, g.getValue());
            }
            parts.add(p);
            byAlias.putAll(p.aggregates());
        }
        Map<String, Expr> outputs = new LinkedHashMap<>();
        aggregates.keySet().forEach(alias -> outputs.put(alias, byAlias.get(alias)));
        return new AggregateQuery(parts, outputs);
    }

    private static AggregateQuery.Part plain(QueryTree base, Map<String, ? extends Aggregate<?>> aggregates) {
        QueryTree t = base.copy();
        Map<String, Expr> out = new LinkedHashMap<>();
        aggregates.forEach((alias, agg) -> out.put(alias, resolve(t, agg)));
        return new AggregateQuery.Part(t.withoutOrdering(), out, false);
    }

    private static Expr resolve(QueryTree t, Aggregate<?> agg) {
        return ExpressionResolver.resolve(t, agg, ExpressionResolver.Scope.select("aggregate"));
    }

    /** {@code base} with its annotations but no joins: what an aggregate joins there is every relation it crosses. */
    private static QueryTree withoutJoins(QueryTree base) {
        QueryTree t = base.copy();
        t.joins = JoinList.empty(t.prefix, t.rootAlias);
        return t;
    }

    /**
     * The multi-valued relations {@code agg} joins beyond {@code base}'s joins, each as its chain of
     * steps from the root: aggregates with the same relations see the same rows and share a part.
     * {@code inputs}: resolve only its argument and condition, as inputs of a wrapped query (where
     * they may name the query's aggregate annotations).
     */
    private static Set<List<JoinStep>> relations(QueryTree base, Aggregate<?> agg, boolean inputs) {
        QueryTree t = base.copy();
        if (inputs) {
            ExpressionResolver.resolve(t, agg.argument(), ExpressionResolver.Scope.select("aggregate"));
            if (!agg.filter().isEmpty()) {
                WhereBuilder.build(t, QueryHooks.condition(agg.filter()), JoinList.NO_GROUP, true);
            }
        } else {
            resolve(t, agg);
        }
        if (!t.joins.addsMultiValued(base.joins.size())) {
            return Set.of();
        }
        Map<String, Join> byAlias = new HashMap<>();
        t.joins.joins().forEach(j -> byAlias.put(j.alias(), j));
        Set<List<JoinStep>> out = new HashSet<>();
        for (Join j : t.joins.joins().subList(base.joins.size(), t.joins.size())) {
            if (j.step().multiValued()) {
                List<JoinStep> chain = new ArrayList<>();
                for (Join k = j; k != null; k = byAlias.get(k.parentAlias())) {
                    chain.add(0, k.step());
                }
                out.add(List.copyOf(chain));
            }
        }
        return Set.copyOf(out);
    }

    /**
     * The rows of {@code base} for an aggregate that crosses a multi-valued relation: its WHERE and the
     * joins of its filters (reused as Django reuses them), without its annotations, grouping, ordering
     * and slice; restricted to the rows {@code base} keeps ({@code pk IN (...)}) when HAVING or a slice
     * drops some.
     */
    private static QueryTree detached(QueryTree base) {
        if (base.qualify != null) {
            throw new QueryError("aggregate() over a query of " + base.model.name() + " filtered on a window annotation "
                    + "cannot also aggregate a multi-valued relation; aggregate the relation with annotate() first, then "
                    + "aggregate that annotation");
        }
        boolean grouped = base.values != null && base.groupByValues;
        boolean restricted = base.having != null || base.isSliced();
        if (grouped && restricted) {
            throw new QueryError("aggregate() over values(...).annotate(...) of " + base.model.name() + " with a filter on an "
                    + "aggregate or a slice cannot also aggregate a multi-valued relation: its rows are groups, not "
                    + base.model.name() + " rows; annotate the relation's aggregate in the grouped query and aggregate that");
        }
        QueryTree t = base.copy();
        t.annotations = Map.of();
        t.hidden = Set.of();
        t.having = null;
        t.ordering = List.of();
        t.defaultOrdering = false;
        t.limit = null;
        t.offset = 0;
        t.distinct = false;
        t.values = null;
        t.groupByValues = false;
        t.groupBy = null;
        t.selectRelated = List.of();
        t.extraColumns = List.of();
        t.wrappedInputs = Map.of();
        t.lock = null;
        // Joins made by annotate(), orderBy() or values() over multi-valued relations would multiply rows.
        Set<String> dropped = new HashSet<>();
        List<Join> kept = new ArrayList<>();
        for (Join j : base.joins.joins()) {
            if (dropped.contains(j.parentAlias()) || (j.group() < 0 && j.step().multiValued())) {
                dropped.add(j.alias());
            } else {
                kept.add(j);
            }
        }
        if (!dropped.isEmpty() && references(base.where, dropped)) {
            // The WHERE uses such a join (a filter on an annotation): start afresh, keeping only the rows.
            t = base.subquery();
            restricted = true;
        } else {
            t.joins = base.joins.retain(kept);
        }
        if (restricted) {
            QueryTree rows = base.values(List.of("pk"));
            if (!rows.isSliced()) {
                rows = rows.withoutOrdering();
            }
            Col pk = Col.of(t.rootAlias, t.model.pk());
            t.where = WhereBuilder.and(t.where, new Where.Condition(pk, LookupRegistry.lookup("in"),
                    new KeysOf(rows, pk.outputType())));
        }
        return t;
    }

    /** Whether {@code w} refers to a column of one of {@code aliases} (outside its subqueries). */
    private static boolean references(Where w, Set<String> aliases) {
        if (w == null) {
            return false;
        }
        if (w instanceof Where.And a) {
            return a.children().stream().anyMatch(c -> references(c, aliases));
        } else if (w instanceof Where.Or o) {
            return o.children().stream().anyMatch(c -> references(c, aliases));
        } else if (w instanceof Where.Not n) {
            return references(n.child(), aliases);
        } else if (w instanceof Where.Condition c) {
            return references(c.lhs(), aliases) || c.value() instanceof Expr v && references(v, aliases);
        } else if (w instanceof Where.Holds h) {
            return references(h.expression(), aliases);
        } else if (w instanceof Where.ColumnsEqual e) {
            return references(e.left(), aliases) || references(e.right(), aliases);
        }
        return false;
    }

    private static boolean references(Expr e, Set<String> aliases) {
        if (e instanceof Col c) {
            return aliases.contains(c.alias());
        }
        return e.children().stream().anyMatch(c -> references(c, aliases));
    }

    /** The aggregates over the query as a derived table whose columns {@code __colN} are their inputs (Django's wrapping). */
    private static AggregateQuery.Part wrapped(QueryTree base, Map<String, ? extends Aggregate<?>> aggregates) {
        QueryTree inner = base.copy();
        if (!inner.isSliced()) {
            inner.ordering = List.of();
            inner.defaultOrdering = false;
        }
        Map<String, Expr> inputs = new LinkedHashMap<>();
        Map<String, Expr> outputs = new LinkedHashMap<>();
        aggregates.forEach((alias, agg) -> {
            // A window annotation is fine here: it is computed in the derived table, and aggregated outside it.
            Expr arg = ExpressionResolver.resolve(inner, agg.argument(), ExpressionResolver.Scope.select("aggregate"));
            if (!agg.filter().isEmpty()) {
                Where f = WhereBuilder.build(inner, QueryHooks.condition(agg.filter()), JoinList.NO_GROUP, true);
                arg = new CaseExpr(List.of(f), List.of(arg), null, arg.outputType());
            }
            String column = "__col" + (inputs.size() + 1);
            inputs.put(column, arg);
            AggregateExpr out = new AggregateExpr(agg.function(), new DerivedCol(column, arg.outputType()), agg.isDistinct());
            ValueTypes.check(base.model.type(), out.outputType(), agg.type(), agg.path() != null ? agg.path() : agg.toString(),
                    "aggregate on " + base.model.name() + " (" + agg + ")");
            outputs.put(alias, out);
        });
        inner.wrappedInputs = Collections.unmodifiableMap(inputs);
        return new AggregateQuery.Part(inner, outputs, true);
    }
}
