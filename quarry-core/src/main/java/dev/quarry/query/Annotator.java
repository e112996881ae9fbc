package dev.quarry.query;

import dev.quarry.FieldError;
import dev.quarry.QueryError;
import dev.quarry.expr.Aggregate;
import dev.quarry.expr.Expression;
import dev.quarry.query.expr.AggregateExpr;
import dev.quarry.query.expr.CaseExpr;
import dev.quarry.query.expr.Col;
import dev.quarry.query.expr.DerivedCol;
import dev.quarry.query.expr.Expr;
import dev.quarry.query.expr.SubqueryAggregate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code annotate()}, {@code alias()} and {@code aggregate()}: resolves the expressions and decides
 * where each aggregate is computed so that it keeps its true value: in the query's own joins, in a
 * correlated subquery when another multi-valued join would multiply its rows (Django's #10060), over
 * the query as a derived table when it is annotated, distinct or sliced, or in a scalar subquery of
 * its own when {@code aggregate()} mixes aggregates over different multi-valued relations.
 */
final class Annotator {
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

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
        Map<String, Expr> a = new LinkedHashMap<>(t.annotations);
        a.put(alias, value);
        t.annotations = Collections.unmodifiableMap(a);
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
        if (alias == null || !ALIAS.matcher(alias).matches() || alias.contains("__")) {
            throw new FieldError(t.model.type(), alias, String.format("Invalid annotation alias %s on %s: use letters, digits "
                    + "and single underscores, starting with a letter (as a Java identifier without '__')",
                    dev.quarry.internal.Excerpt.of(alias), t.model.name()));
        }
        if (t.model.field(alias) != null || t.registry.hop(t.model, alias) != null) {
            throw new FieldError(t.model.type(), alias, "The " + (context.equals("alias") ? "alias" : "annotation") + " '"
                    + alias + "' conflicts with a field on " + t.model.name() + "; choose another alias");
        }
        if (t.annotations.containsKey(alias)) {
            throw new FieldError(t.model.type(), alias, "The annotation '" + alias + "' is already defined on this query");
        }
    }

    static AggregateQuery aggregate(QueryTree base, Map<String, ? extends Aggregate<?>> aggregates) {
        for (String alias : aggregates.keySet()) {
            // An aggregate alias only names a result (Django's default is "rating__avg"), so "__" is fine here.
            if (alias == null || !ALIAS.matcher(alias).matches()) {
                throw new FieldError(base.model.type(), alias, String.format("Invalid aggregate alias %s on %s: use letters, "
                        + "digits and underscores, starting with a letter", dev.quarry.internal.Excerpt.of(alias),
                        base.model.name()));
            }
        }
        boolean windowed = base.annotations.values().stream().anyMatch(Expr::containsWindow);
        if (base.isAggregated() || base.distinct || base.isSliced() || windowed || base.qualify != null) {
            return wrapped(base, aggregates);
        }
        List<AggregateQuery.Part> parts = new ArrayList<>();
        Map<String, Expr> outputs = new LinkedHashMap<>();
        if (aggregates.size() > 1 && crossDifferentRelations(base, aggregates)) {
            aggregates.forEach((alias, agg) -> {
                AggregateQuery.Part p = plain(base, Map.of(alias, agg));
                parts.add(p);
                outputs.putAll(p.aggregates());
            });
        } else {
            AggregateQuery.Part p = plain(base, aggregates);
            parts.add(p);
            outputs.putAll(p.aggregates());
        }
        return new AggregateQuery(parts, outputs);
    }

    private static AggregateQuery.Part plain(QueryTree base, Map<String, ? extends Aggregate<?>> aggregates) {
        QueryTree t = base.copy();
        Map<String, Expr> out = new LinkedHashMap<>();
        aggregates.forEach((alias, agg) -> out.put(alias, resolveAggregate(t, agg)));
        return new AggregateQuery.Part(t.withoutOrdering(), out, false);
    }

    private static Expr resolveAggregate(QueryTree t, Aggregate<?> agg) {
        if (agg == null) {
            throw new QueryError("aggregate() on " + t.model.name() + " was given a null aggregate");
        }
        return ExpressionResolver.resolve(t, agg, ExpressionResolver.Scope.select("aggregate"));
    }

    /**
     * Whether the aggregates join different multi-valued relations: then, in one SELECT, each
     * would count the other's rows too (Count('books') beside Count('books__review') would count
     * each book once per review), so each is computed alone.
     */
    private static boolean crossDifferentRelations(QueryTree base, Map<String, ? extends Aggregate<?>> aggregates) {
        Set<List<Object>> first = null;
        for (Aggregate<?> agg : aggregates.values()) {
            QueryTree t = base.copy();
            resolveAggregate(t, agg);
            Set<List<Object>> added = new HashSet<>();
            for (Join j : t.joins.joins().subList(base.joins.size(), t.joins.size())) {
                added.add(List.of(j.parentAlias(), j.step()));
            }
            boolean multiplies = t.joins.addsMultiValued(base.joins.size());
            Set<List<Object>> key = multiplies ? added : Set.of();
            if (first == null) {
                first = key;
            } else if (!first.equals(key)) {
                return true;
            }
        }
        return false;
    }

    /** The aggregates over the query as a derived table whose columns {@code __colN} are their inputs (Django's wrapping). */
    private static AggregateQuery wrapped(QueryTree base, Map<String, ? extends Aggregate<?>> aggregates) {
        QueryTree inner = base.copy();
        if (!inner.isSliced()) {
            inner.ordering = List.of();
            inner.defaultOrdering = false;
        }
        Map<String, Expr> inputs = new LinkedHashMap<>();
        Map<String, Expr> outputs = new LinkedHashMap<>();
        aggregates.forEach((alias, agg) -> {
            if (agg == null) {
                throw new QueryError("aggregate() on " + base.model.name() + " was given a null aggregate");
            }
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
        return new AggregateQuery(List.of(new AggregateQuery.Part(inner, outputs, true)), outputs);
    }
}
