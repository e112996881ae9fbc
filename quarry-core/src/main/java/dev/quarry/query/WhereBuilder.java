package dev.quarry.query;

import dev.quarry.QueryError;
import dev.quarry.expr.Expression;
import dev.quarry.query.expr.Col;
import dev.quarry.query.expr.Expr;
import dev.quarry.query.expr.SubqueryExpr;
import dev.quarry.query.lookup.Lookup;
import dev.quarry.spi.FieldType;
import dev.quarry.query.lookup.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link Condition} into a resolved {@link Where} against a fresh copy of a
 * {@link QueryTree}, adding the joins its paths need (Django's rules: one filter() call's
 * conditions on a multi-valued relation share one join; OR, NOT and {@code isnull=true} make joins
 * LEFT OUTER), and negates it so that {@code exclude(c)} is the exact complement of
 * {@code filter(c)}: a plain NOT where no join or NULL can make them overlap, NOT EXISTS otherwise.
 * Values may be expressions ({@code F}, subqueries), resolved with the same join rules; a condition
 * that can never hold ({@code in} an empty list) folds to a constant, so a query may need no SQL.
 */
final class WhereBuilder {
    private WhereBuilder() {}

    /**
     * Adds {@code w} to the copy {@code t}: plain conditions to WHERE, aggregate ones to HAVING,
     * conditions on window annotations around the query (QUALIFY).
     */
    static void add(QueryTree t, Where w) {
        // Each part is ANDed on its own: and() flattens and folds, so this gives the same conditions as
        // grouping the parts first, without lists for the common single condition.
        for (Where c : w instanceof Where.And and ? and.children() : List.of(w)) {
            if (c.containsWindow()) {
                t.qualify = and(t.qualify, c);
            } else if (c.containsAggregate()) {
                t.having = and(t.having, c);
            } else {
                t.where = and(t.where, c);
            }
        }
    }

    /** {@code existing AND added}, flattened and with constants folded ({@code null}: no condition). */
    static Where and(Where existing, Where added) {
        if (existing == null && !(added instanceof Where.And)) {
            return added instanceof Where.Constant k && k.value() ? null : added; // what the general case folds it to
        }
        List<Where> all = new ArrayList<>();
        for (Where w : new Where[] {existing, added}) {
            if (w instanceof Where.And a) {
                all.addAll(a.children());
            } else if (w != null) {
                all.add(w);
            }
        }
        return simplify(new Where.And(all));
    }

    /** The condition with constants folded: AND with false is false, OR with true is true, NOT flips. */
    static Where simplify(Where w) {
        if (w instanceof Where.Not n && n.child() instanceof Where.Constant c) {
            return new Where.Constant(!c.value());
        }
        boolean isAnd = w instanceof Where.And;
        if (!isAnd && !(w instanceof Where.Or)) {
            return w;
        }
        List<Where> children = isAnd ? ((Where.And) w).children() : ((Where.Or) w).children();
        // The kept children are copied only once a constant is met: most conditions have none.
        List<Where> kept = null;
        for (int i = 0; i < children.size(); i++) {
            Where c = children.get(i);
            if (c instanceof Where.Constant k) {
                if (k.value() != isAnd) {
                    return k;
                }
                if (kept == null) {
                    kept = new ArrayList<>(children.subList(0, i));
                }
            } else if (kept != null) {
                kept.add(c);
            }
        }
        if (kept == null) {
            return children.size() == 1 ? children.get(0) : children.isEmpty() ? (isAnd ? null : new Where.Constant(false)) : w;
        }
        if (kept.isEmpty()) {
            return isAnd ? null : new Where.Constant(false);
        }
        if (kept.size() == 1) {
            return kept.get(0);
        }
        return kept.size() == children.size() ? w : isAnd ? new Where.And(kept) : new Where.Or(kept);
    }

    /** The condition resolved against the copy {@code t}, adding its joins to {@code t}. */
    static Where build(QueryTree t, Condition c, int group, boolean outer) {
        if (c instanceof Condition.Leaf leaf) {
            return condition(t, leaf.lookup(), leaf.value(), group, outer);
        }
        if (c instanceof Condition.Holds h) {
            return holds(t, h.expression(), group, outer);
        }
        Condition.Node node = (Condition.Node) c;
        if (node.negated()) {
            return negation(t, new Condition.Node(node.or(), node.children(), false), group);
        }
        boolean childOuter = outer || (node.or() && node.children().size() > 1);
        List<Where> children = new ArrayList<>();
        for (Condition child : node.children()) {
            children.add(build(t, child, group, childOuter));
        }
        if (children.size() == 1) {
            return children.get(0);
        }
        Where w = simplify(node.or() ? new Where.Or(children) : new Where.And(children));
        return w == null ? new Where.Constant(true) : w;
    }

    /**
     * NOT c. When c needs no join and touches no nullable column, a plain NOT; otherwise NOT EXISTS
     * over a subquery that applies c as one filter() call, so exclude(c) is filter(c)'s complement.
     */
    static Where negation(QueryTree t, Condition c, int group) {
        QueryTree trial = t.copy();
        Where w = build(trial, c, group, false);
        if (w.containsAggregate() || w.containsWindow() || w instanceof Where.Constant
                || (trial.joins.size() == t.joins.size() && !nullSensitive(w))) {
            t.joins = trial.joins;
            t.outerRef = trial.outerRef;
            return simplify(new Where.Not(w));
        }
        QueryTree sub = t.subquery();
        sub.annotations = t.annotations;
        sub = sub.filter(c);
        sub.where = and(new Where.ColumnsEqual(Col.of(sub.rootAlias, t.model.pk()), Col.of(t.rootAlias, t.model.pk())),
                sub.where);
        if (sub.outerRef != null && t.outerRef == null) {
            t.outerRef = sub.outerRef;
        }
        return new Where.Exists(sub, true);
    }

    private static boolean nullSensitive(Where w) {
        if (w instanceof Where.Condition c) {
            return (c.lhs().nullable() || c.value() instanceof Expr e && e.nullable()) && !c.lookup().name().equals("isnull");
        }
        if (w instanceof Where.And a) {
            return a.children().stream().anyMatch(WhereBuilder::nullSensitive);
        }
        if (w instanceof Where.Or o) {
            return o.children().stream().anyMatch(WhereBuilder::nullSensitive);
        }
        if (w instanceof Where.Not n) {
            return nullSensitive(n.child());
        }
        return w instanceof Where.Holds;
    }

    private static Where holds(QueryTree t, Expression<?> e, int group, boolean outer) {
        Expr x = ExpressionResolver.resolve(t, e, ExpressionResolver.Scope.filter(group, outer));
        if (x.outputType() != FieldType.BOOLEAN) {
            throw new QueryError("Q.of(" + e + ") on " + t.model.name() + " needs a boolean expression (Exists.of(...))");
        }
        return new Where.Holds(x);
    }

    private static Where condition(QueryTree t, String path, Object value, int group, boolean outer) {
        ValueSlot slot = ValueSlot.resolve(t, path);
        if (slot.annotated != null) {
            return make(t, slot.annotated, value, slot.subject(), group, outer);
        }
        ParsedPath parsed = slot.parsed;
        boolean plain = !(value instanceof Expression<?>) && !QueryHooks.get().isQuery(value);
        boolean needsOuter = outer || (plain && slot.probe.lookup().matchesMissingRow(slot.prepare(value)));
        JoinList.Joined j = t.joins.join(parsed.hops(), group, needsOuter);
        t.joins = j.joins();
        Lookups.Resolved r = Lookups.resolve(parsed.field().model().type(), Col.of(j.alias(), parsed.field()), parsed.rest(),
                slot.subject());
        return make(t, r, value, slot.subject(), group, needsOuter);
    }

    /** The condition of a resolved left side with the user's value: a constant, an expression or a query. */
    private static Where make(QueryTree t, Lookups.Resolved r, Object value, String subject, int group, boolean outer) {
        Lookup lookup = r.lookup();
        if (value instanceof Expression<?> e) {
            if (!lookup.acceptsExpression()) {
                throw new QueryError("Lookup '" + lookup.name() + "' on " + subject + " compares with a constant; " + e
                        + " is an expression");
            }
            return new Where.Condition(r.expr(), lookup, ExpressionResolver.resolve(t, e,
                    ExpressionResolver.Scope.filter(group, outer)));
        }
        if (QueryHooks.get().isQuery(value)) {
            if (!lookup.name().equals("in")) {
                throw new QueryError("Lookup '" + lookup.name() + "' on " + subject + " was given a query; use '__in' "
                        + "with a query, or Subquery.of(...) for one value");
            }
            return new Where.Condition(r.expr(), lookup, inSubquery(t, r.expr(), value, subject));
        }
        Object prepared = lookup.prepare(Values.toStored(r.expr(), value), r.expr().outputType(), subject);
        if (lookup.name().equals("in") && prepared instanceof List<?> l && l.isEmpty()) {
            return new Where.Constant(false);
        }
        return new Where.Condition(r.expr(), lookup, prepared);
    }

    /** {@code x__in=query}: the query's keys (a model query) or its one value, as a subquery. */
    private static Expr inSubquery(QueryTree t, Expr lhs, Object query, String subject) {
        QueryTree inner = ExpressionResolver.fold(t, query);
        if (inner.values == null) {
            if (lhs instanceof Col c && c.field() != null) {
                Class<?> expected = c.field().isForeignKey() || c.field().isParentLink() ? c.field().relation().targetClass()
                        : c.field().primaryKey() ? c.field().model().type() : null;
                if (expected != null && expected != inner.model.type()) {
                    throw new QueryError("Cannot use a query of " + inner.model.name() + " for '" + subject + "__in': use a "
                            + "query of " + expected.getSimpleName() + ", or select one value with values(\"...\")");
                }
            }
            inner = inner.values(List.of("pk"));
        }
        inner = ExpressionResolver.single(inner, "The query in '" + subject + "__in'");
        if (!inner.isSliced()) {
            inner = inner.withoutOrdering();
        }
        return new SubqueryExpr(inner, inner.values.values().iterator().next().outputType());
    }
}
