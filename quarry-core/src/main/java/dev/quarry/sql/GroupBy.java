package dev.quarry.sql;

import dev.quarry.query.OrderTerm;
import dev.quarry.query.QueryTree;
import dev.quarry.query.SelectRelatedNode;
import dev.quarry.query.Where;
import dev.quarry.query.expr.AggregateExpr;
import dev.quarry.query.expr.AnnotationRef;
import dev.quarry.query.expr.Col;
import dev.quarry.query.expr.Expr;
import dev.quarry.query.expr.Param;
import dev.quarry.query.expr.RandomExpr;
import dev.quarry.query.expr.SubqueryAggregate;
import dev.quarry.spi.Feature;
import dev.quarry.spi.Features;
import java.util.ArrayList;
import java.util.List;

/**
 * The GROUP BY terms of an aggregated query, as Django chooses them: the grouping fixed by
 * {@code values(...).annotate(...)}, else the values, else the primary key (where the database
 * accepts it for the whole row) or every selected column; then the plain parts of HAVING, of the
 * inputs of a wrapping aggregate and of the ordering.
 */
final class GroupBy {
    private GroupBy() {}

    /** The grouping terms of {@code t} (none when it does not aggregate); {@code selected} is its select list. */
    static List<Expr> terms(QueryTree t, List<Expr> selected, Features features) {
        if (!t.isAggregated()) {
            return List.of();
        }
        List<Expr> groups = new ArrayList<>(4);
        if (t.groupBy() != null) {
            for (Expr e : t.groupBy()) {
                collect(groups, e);
            }
        } else if (t.values() != null) {
            if (!t.groupsByValues()) {
                add(groups, Col.of(t.rootAlias(), t.model().pk()));
            }
            for (Expr e : t.values().values()) {
                collect(groups, e);
            }
        } else if (features.has(Feature.GROUP_BY_SELECTED_PK)) {
            add(groups, Col.of(t.rootAlias(), t.model().pk()));
            for (SelectRelatedNode n : t.selectRelated()) {
                addRelatedPks(groups, n);
            }
        } else {
            for (Expr e : selected) {
                collect(groups, e);
            }
        }
        // As Django: the plain columns a HAVING condition compares with are grouped by too, and so are those
        // of a condition applied around the query (a window's), which the wrapped query selects.
        collect(groups, t.having());
        collect(groups, t.qualify());
        if (!t.wrappedInputs().isEmpty()) {
            for (Expr e : t.wrappedInputs().values()) {
                collect(groups, e);
            }
        }
        for (OrderTerm o : t.ordering()) {
            if (!(o.expr() instanceof Col c && c.alias().equals(t.rootAlias()) && t.values() == null)) {
                collect(groups, o.expr());
            }
        }
        return groups;
    }

    /**
     * The position (from 1) in {@code selected} by which to name the grouping term {@code e}, or 0 to
     * write it out: an expression other than a column is grouped by its position, as Django 4.2 does,
     * since the database cannot tell that two copies with their own bound values are the same
     * expression (PostgreSQL refuses {@code SELECT pages / ? ... GROUP BY pages / ?}).
     */
    static int position(Expr e, List<Expr> selected) {
        if (e instanceof Col) {
            return 0;
        }
        for (int i = 0; i < selected.size(); i++) {
            Expr s = selected.get(i);
            if (s.equals(e) || (s instanceof AnnotationRef r && r.target().equals(e))) {
                return i + 1;
            }
        }
        return 0;
    }

    private static void addRelatedPks(List<Expr> groups, SelectRelatedNode n) {
        add(groups, Col.of(n.alias(), n.model().pk()));
        for (SelectRelatedNode c : n.children()) {
            addRelatedPks(groups, c);
        }
    }

    /**
     * Adds the grouping terms of {@code e}: itself when it holds no aggregate, else its parts that hold
     * none ({@code stock} in {@code COUNT(x) + stock}); an aggregate's own argument groups nothing.
     */
    private static void collect(List<Expr> groups, Expr e) {
        if (e instanceof AggregateExpr || e instanceof SubqueryAggregate || e.containsWindow()) {
            return;
        }
        if (!e.containsAggregate()) {
            add(groups, e);
            return;
        }
        if (e instanceof AnnotationRef r) {
            collect(groups, r.target()); // its one child, without the list children() makes
            return;
        }
        for (Expr c : e.children()) {
            collect(groups, c);
        }
    }

    private static void collect(List<Expr> groups, Where w) {
        if (w instanceof Where.And a) {
            a.children().forEach(c -> collect(groups, c));
        } else if (w instanceof Where.Or o) {
            o.children().forEach(c -> collect(groups, c));
        } else if (w instanceof Where.Not n) {
            collect(groups, n.child());
        } else if (w instanceof Where.Condition c) {
            collect(groups, c.lhs());
            if (c.value() instanceof Expr v) {
                collect(groups, v);
            }
        }
    }

    /**
     * Adds a grouping term unless it is there already (a column by its alias and name, another
     * expression by its text); aggregates, windows, random numbers and constants group nothing. The
     * terms are few, so a list searched in order costs less than a map with a key made per term.
     */
    private static void add(List<Expr> groups, Expr e) {
        if (e.containsAggregate() || e.containsWindow() || e instanceof RandomExpr || e instanceof Param) {
            return;
        }
        String text = null;
        for (int i = 0; i < groups.size(); i++) {
            Expr g = groups.get(i);
            if (e instanceof Col c) {
                if (g instanceof Col d && c.column().equals(d.column()) && c.alias().equals(d.alias())) {
                    return;
                }
            } else if (!(g instanceof Col)) {
                if (text == null) {
                    text = e.toString();
                }
                if (text.equals(g.toString())) {
                    return;
                }
            }
        }
        groups.add(e);
    }
}
