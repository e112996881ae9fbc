package dev.quarry.query;

import dev.quarry.query.expr.AnnotationRef;
import dev.quarry.query.expr.Col;
import dev.quarry.query.expr.DatePartExpr;
import dev.quarry.query.expr.Expr;
import dev.quarry.query.lookup.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link Condition} into a resolved {@link Where} against a fresh copy of a
 * {@link QueryTree}, adding the joins its paths need (Django's rules: one filter() call's
 * conditions on a multi-valued relation share one join; OR, NOT and {@code isnull=true} make joins
 * LEFT OUTER), and negates it so that {@code exclude(c)} is the exact complement of
 * {@code filter(c)}: a plain NOT where no join or NULL can make them overlap, NOT EXISTS otherwise.
 */
final class WhereBuilder {
    private WhereBuilder() {}

    /** Adds {@code w} to the copy {@code t}: plain conditions to WHERE, aggregate ones to HAVING. */
    static void add(QueryTree t, Where w) {
        List<Where> plain = new ArrayList<>();
        List<Where> aggregated = new ArrayList<>();
        if (w instanceof Where.And and) {
            for (Where c : and.children()) {
                (c.containsAggregate() ? aggregated : plain).add(c);
            }
        } else {
            (w.containsAggregate() ? aggregated : plain).add(w);
        }
        if (!plain.isEmpty()) {
            t.where = and(t.where, plain.size() == 1 ? plain.get(0) : new Where.And(plain));
        }
        if (!aggregated.isEmpty()) {
            t.having = and(t.having, aggregated.size() == 1 ? aggregated.get(0) : new Where.And(aggregated));
        }
    }

    static Where and(Where existing, Where added) {
        if (existing == null) {
            return added;
        }
        List<Where> all = new ArrayList<>();
        if (existing instanceof Where.And a) {
            all.addAll(a.children());
        } else {
            all.add(existing);
        }
        all.add(added);
        return new Where.And(all);
    }

    /** The condition resolved against the copy {@code t}, adding its joins to {@code t}. */
    static Where build(QueryTree t, Condition c, int group, boolean outer) {
        if (c instanceof Condition.Leaf leaf) {
            return condition(t, leaf.lookup(), leaf.value(), group, outer);
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
        return node.or() ? new Where.Or(children) : new Where.And(children);
    }

    /**
     * NOT c. When c needs no join and touches no nullable column, a plain NOT; otherwise NOT EXISTS
     * over a subquery that applies c as one filter() call, so exclude(c) is filter(c)'s complement.
     */
    static Where negation(QueryTree t, Condition c, int group) {
        QueryTree trial = t.copy();
        Where w = build(trial, c, group, false);
        if (w.containsAggregate() || (trial.joins.size() == t.joins.size() && !nullSensitive(w))) {
            t.joins = trial.joins;
            return new Where.Not(w);
        }
        QueryTree sub = t.subquery();
        sub.annotations = t.annotations;
        sub = sub.filter(c);
        sub.where = and(new Where.ColumnsEqual(Col.of(sub.rootAlias, t.model.pk()), Col.of(t.rootAlias, t.model.pk())),
                sub.where);
        return new Where.Exists(sub, true);
    }

    private static boolean nullSensitive(Where w) {
        if (w instanceof Where.Condition c) {
            return c.lhs().nullable() && !c.lookup().name().equals("isnull");
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
        return false;
    }

    private static Where condition(QueryTree t, String path, Object value, int group, boolean outer) {
        int cut = path.indexOf("__");
        String head = cut < 0 ? path : path.substring(0, cut);
        if (!t.annotations.isEmpty() && t.annotations.containsKey(head) && t.model.field(head) == null) {
            Expr lhs = new AnnotationRef(head, t.annotations.get(head));
            List<String> rest = cut >= 0 ? List.of(dev.quarry.internal.Names.splitLookup(path.substring(cut + 2))) : List.of();
            Lookups.Resolved r = Lookups.resolve(t.model.type(), lhs, rest, head);
            Object prepared = r.lookup().prepare(value, r.expr().outputType(), head);
            return new Where.Condition(r.expr(), r.lookup(), prepared);
        }
        ParsedPath parsed = ParsedPath.parse(t.registry, t.model, path);
        parsed.checkInstances(value, path);
        String subject = parsed.field().toString();
        Lookups.Resolved r = Lookups.resolve(parsed.field().model().type(), Col.of("?", parsed.field()), parsed.rest(),
                subject);
        Object prepared = r.lookup().prepare(Values.toStored(r.expr(), value), r.expr().outputType(), subject);
        boolean needsOuter = outer || r.lookup().matchesMissingRow(prepared);
        JoinList.Joined j = t.joins.join(parsed.hops(), group, needsOuter);
        t.joins = j.joins();
        return new Where.Condition(rebase(r.expr(), j.alias()), r.lookup(), prepared);
    }

    private static Expr rebase(Expr e, String alias) {
        if (e instanceof Col c) {
            return new Col(alias, c.column(), c.outputType(), c.field(), c.nullable());
        }
        if (e instanceof DatePartExpr d) {
            return new DatePartExpr(d.part(), rebase(d.source(), alias));
        }
        return e;
    }
}
