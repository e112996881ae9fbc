package dev.quarry.sql;

import dev.quarry.query.OrderTerm;
import dev.quarry.query.QueryTree;
import dev.quarry.query.SelectRelatedNode;
import dev.quarry.query.expr.Col;
import dev.quarry.query.expr.Expr;
import dev.quarry.query.expr.RandomExpr;
import dev.quarry.spi.Feature;
import dev.quarry.spi.Features;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The GROUP BY terms of an aggregated query, as Django chooses them: the primary key where the
 * database allows it ({@code Feature.GROUP_BY_SELECTED_PK}), else every selected term that holds no
 * aggregate; the values of a values query; the plain parts of HAVING, of a window filter and of the
 * ordering. Aggregates, windows, random numbers and constants group nothing.
 */
final class GroupBy {
    private GroupBy() {}

    /** The GROUP BY terms of {@code t} whose select list is {@code selected}; none when it is not aggregated. */
    static Collection<Expr> of(QueryTree t, List<Expr> selected, Features features) {
        if (!t.isAggregated()) {
            return List.of();
        }
        Map<String, Expr> groups = new LinkedHashMap<>();
        if (t.groupBy() != null) {
            for (Expr e : t.groupBy()) {
                collectGroups(groups, e);
            }
        } else if (t.values() != null) {
            if (!t.groupsByValues()) {
                addGroup(groups, Col.of(t.rootAlias(), t.model().pk()));
            }
            for (Expr e : t.values().values()) {
                collectGroups(groups, e);
            }
        } else if (features.has(Feature.GROUP_BY_SELECTED_PK)) {
            addGroup(groups, Col.of(t.rootAlias(), t.model().pk()));
            for (SelectRelatedNode n : t.selectRelated()) {
                addRelatedPks(groups, n);
            }
        } else {
            for (Expr e : selected) {
                collectGroups(groups, e);
            }
        }
        // As Django: the plain columns a HAVING condition compares with are grouped by too, and so are those
        // of a condition applied around the query (a window's), which the wrapped query selects.
        collectGroups(groups, t.having());
        collectGroups(groups, t.qualify());
        for (Expr e : t.wrappedInputs().values()) {
            collectGroups(groups, e);
        }
        for (OrderTerm o : t.ordering()) {
            if (!(o.expr() instanceof Col c && c.alias().equals(t.rootAlias()) && t.values() == null)) {
                collectGroups(groups, o.expr());
            }
        }
        return groups.values();
    }

    private static void addRelatedPks(Map<String, Expr> groups, SelectRelatedNode n) {
        addGroup(groups, Col.of(n.alias(), n.model().pk()));
        for (SelectRelatedNode c : n.children()) {
            addRelatedPks(groups, c);
        }
    }

    /**
     * Adds the grouping terms of {@code e}: itself when it holds no aggregate, else its parts that hold
     * none ({@code stock} in {@code COUNT(x) + stock}); an aggregate's own argument groups nothing.
     */
    private static void collectGroups(Map<String, Expr> groups, Expr e) {
        if (e instanceof dev.quarry.query.expr.AggregateExpr || e instanceof dev.quarry.query.expr.SubqueryAggregate
                || e.containsWindow()) {
            return;
        }
        if (!e.containsAggregate()) {
            addGroup(groups, e);
            return;
        }
        for (Expr c : e.children()) {
            collectGroups(groups, c);
        }
    }

    private static void collectGroups(Map<String, Expr> groups, dev.quarry.query.Where w) {
        if (w instanceof dev.quarry.query.Where.And a) {
            a.children().forEach(c -> collectGroups(groups, c));
        } else if (w instanceof dev.quarry.query.Where.Or o) {
            o.children().forEach(c -> collectGroups(groups, c));
        } else if (w instanceof dev.quarry.query.Where.Not n) {
            collectGroups(groups, n.child());
        } else if (w instanceof dev.quarry.query.Where.Condition c) {
            collectGroups(groups, c.lhs());
            if (c.value() instanceof Expr v) {
                collectGroups(groups, v);
            }
        }
    }

    /** Adds a grouping term; aggregates, windows, random numbers and constants group nothing. */
    private static void addGroup(Map<String, Expr> groups, Expr e) {
        if (e.containsAggregate() || e.containsWindow() || e instanceof RandomExpr
                || e instanceof dev.quarry.query.expr.Param) {
            return;
        }
        String key = e instanceof Col c ? c.alias() + "." + c.column() : e.toString();
        groups.putIfAbsent(key, e);
    }

}
