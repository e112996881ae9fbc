package dev.quarry.query;

import dev.quarry.FieldError;
import dev.quarry.QueryError;
import dev.quarry.expr.Expression;
import dev.quarry.internal.OrderedMap;
import dev.quarry.query.expr.Col;
import dev.quarry.query.expr.Expr;
import dev.quarry.query.expr.SubqueryAggregate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code annotate()} and {@code alias()}: resolves the expressions and decides where each aggregate
 * is computed so that it keeps its true value: in the query's own joins, or in a correlated subquery
 * when another multi-valued join would multiply its rows (Django's #10060). {@code aggregate()} is
 * planned by {@link AggregatePlanner}.
 */
final class Annotator {
    /** Whether {@code alias} is ASCII letters, digits and underscores, not starting with a digit (no regex: it runs for every annotation). */
    static boolean isIdentifier(String alias) {
        if (alias == null || alias.isEmpty()) {
            return false;
        }
        for (int i = 0; i < alias.length(); i++) {
            char c = alias.charAt(i);
            boolean letter = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_';
            if (!letter && (i == 0 || c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    private Annotator() {}

    static QueryTree annotate(QueryTree base, String alias, Expression<?> expression, boolean hidden) {
        String context = hidden ? "alias" : "annotate";
        checkAlias(base, alias, context);
        if (expression == null) {
            throw new QueryError(context + "(\"" + alias + "\", ...) on " + base.model.name() + " needs an expression");
        }
        QueryTree t = base.copy();
        Expr value = ExpressionResolver.resolve(t, expression, ExpressionResolver.Scope.select(context));
        if (value.containsAggregate() && t.joins.addsMultiValued(base.joins.size()) && base.joins.hasUngroupedMultiValued()) {
            // Another multi-valued join made by annotate (or orderBy/values) is there already:
            // joining one more would multiply the rows each aggregates over (Django's #10060), so
            // this aggregate gets its own subquery. Joins made by filter() are reused as Django
            // does, so that annotate() after filter() aggregates only the filtered rows.
            t = base.copy();
            QueryTree sub = base.subquery();
            Expr subValue = ExpressionResolver.resolve(sub, expression, ExpressionResolver.Scope.select(context));
            sub.where = WhereBuilder.and(new Where.ColumnsEqual(Col.of(sub.rootAlias, base.model.pk()),
                    Col.of(base.rootAlias, base.model.pk())), sub.where);
            value = new SubqueryAggregate(sub, subValue);
        }
        t.annotations = OrderedMap.copyOf(t.annotations).with(alias, value);
        if (hidden) {
            Set<String> h = new HashSet<>(t.hidden);
            h.add(alias);
            t.hidden = Set.copyOf(h);
        }
        if (t.values != null) {
            t.groupByValues = true;
            if (value.containsAggregate() && t.groupBy == null) {
                t.groupBy = t.values.values().stream().filter(e -> !e.containsAggregate()).toList();
            }
        }
        return t;
    }

    private static void checkAlias(QueryTree t, String alias, String context) {
        if (!isIdentifier(alias) || alias.contains("__")) {
            throw new FieldError(t.model.type(), alias, String.format("Invalid annotation alias %s on %s: use letters, digits "
                    + "and single underscores, starting with a letter (as a Java identifier without '__')",
                    dev.quarry.internal.Excerpt.of(alias), t.model.name()));
        }
        if (t.model.field(alias) != null || t.registry.hop(t.model, alias) != null
                || t.registry.ancestorFor(t.model, alias) != null) {
            throw new FieldError(t.model.type(), alias, "The " + (context.equals("alias") ? "alias" : "annotation") + " '"
                    + alias + "' conflicts with a field on " + t.model.name() + "; choose another alias");
        }
        if (t.annotations.containsKey(alias)) {
            throw new FieldError(t.model.type(), alias, "The annotation '" + alias + "' is already defined on this query");
        }
    }
}
