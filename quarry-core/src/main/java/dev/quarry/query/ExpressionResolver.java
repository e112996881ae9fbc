package dev.quarry.query;

import dev.quarry.FieldError;
import dev.quarry.Model;
import dev.quarry.Ordering;
import dev.quarry.QueryError;
import dev.quarry.Ref;
import dev.quarry.expr.Aggregate;
import dev.quarry.expr.Case;
import dev.quarry.expr.Combined;
import dev.quarry.expr.Exists;
import dev.quarry.expr.Expression;
import dev.quarry.expr.F;
import dev.quarry.expr.Func;
import dev.quarry.expr.OuterRef;
import dev.quarry.expr.Subquery;
import dev.quarry.expr.Value;
import dev.quarry.expr.When;
import dev.quarry.expr.Window;
import dev.quarry.model.FieldMeta;
import dev.quarry.model.ModelMeta;
import dev.quarry.query.expr.AggregateExpr;
import dev.quarry.query.expr.Arithmetic;
import dev.quarry.query.expr.CaseExpr;
import dev.quarry.query.expr.ExistsExpr;
import dev.quarry.query.expr.Expr;
import dev.quarry.query.expr.FuncCall;
import dev.quarry.query.expr.OuterRefExpr;
import dev.quarry.query.expr.Param;
import dev.quarry.query.expr.SubqueryExpr;
import dev.quarry.query.expr.TemplateCall;
import dev.quarry.query.expr.WindowExpr;
import dev.quarry.query.func.FunctionDef;
import dev.quarry.query.func.FunctionRegistry;
import dev.quarry.query.func.Kinds;
import dev.quarry.spi.FieldType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the expressions users write ({@code dev.quarry.expr}) into resolved nodes
 * ({@code query.expr}) on a fresh copy of a tree: paths become columns (joining as the scope's
 * rules say), constants parameters, functions calls of their definitions, subqueries trees folded
 * against this one. Every mismatch (an unknown field, {@code F("title") + 1}, an aggregate or a
 * window where none may be) is a {@link FieldError} or {@link QueryError} before any SQL.
 */
final class ExpressionResolver {
    private ExpressionResolver() {}

    /**
     * Where an expression is being resolved: named in errors by {@code context}; joins for filter
     * call {@code group} (or {@link JoinList#NO_GROUP}), LEFT OUTER when {@code outer}; whether
     * aggregates and windows may appear, and whether we are inside one.
     */
    record Scope(String context, int group, boolean outer, boolean aggregates, boolean windows, boolean inWindow,
                 boolean inAggregate) {
        /** annotate(), alias(), orderBy(): aggregates and windows allowed. */
        static Scope select(String context) {
            return switch (context) {
                case "annotate" -> ANNOTATE;
                case "alias" -> ALIAS;
                default -> new Scope(context, JoinList.NO_GROUP, false, true, true, false, false);
            };
        }

        /** The scopes of annotate() and alias(), made once (a Scope is immutable). */
        private static final Scope ANNOTATE = new Scope("annotate", JoinList.NO_GROUP, false, true, true, false, false);
        private static final Scope ALIAS = new Scope("alias", JoinList.NO_GROUP, false, true, true, false, false);

        /** The value side of a filter() condition: joins of its call; aggregates (HAVING) but no windows. */
        static Scope filter(int group, boolean outer) {
            return new Scope("filter", group, outer, true, false, false, false);
        }

        /** update() and save(): no aggregates, no windows (and the caller refuses joins). */
        static Scope write(String context) {
            return new Scope(context, JoinList.NO_GROUP, false, false, false, false, false);
        }

        Scope inside(boolean window, boolean aggregate) {
            return new Scope(context, group, outer, aggregates || window, false, window, aggregate);
        }
    }

    static Expr resolve(QueryTree t, Expression<?> e, Scope s) {
        if (e instanceof F f) {
            Expr r = PathResolver.resolve(t, f.path(), s.context(), s.group(), s.outer());
            if (s.inAggregate() && r.containsAggregate()) {
                throw new FieldError(t.model.type(), f.path(), String.format("Cannot compute an aggregate of '%s' in %s on "
                        + "%s: '%s' is an aggregate. Aggregate the annotated QuerySet instead (aggregate(...) over it)",
                        f.path(), s.context(), t.model.name(), f.path()));
            }
            if (!s.windows() && !s.inWindow() && r.containsWindow()) {
                throw windowNotAllowed(t, f, s);
            }
            return r;
        }
        if (e instanceof OuterRef o) {
            return outerRef(t, o, s);
        }
        if (e instanceof Value<?> v) {
            return param(t, v);
        }
        if (e instanceof Combined c) {
            return arithmetic(t, c, s);
        }
        if (e instanceof Func<?> f) {
            return function(t, f, s);
        }
        if (e instanceof Case<?> c) {
            return caseWhen(t, c, s);
        }
        if (e instanceof Subquery<?> sq) {
            return subquery(t, sq);
        }
        if (e instanceof Exists x) {
            return new ExistsExpr(fold(t, x.query()).withoutOrdering(), x.negated());
        }
        if (e instanceof Window<?> w) {
            return window(t, w, s);
        }
        if (e instanceof Aggregate<?> a) {
            return aggregate(t, a, s);
        }
        throw new QueryError("Cannot resolve expression " + e);
    }

    private static Expr outerRef(QueryTree t, OuterRef o, Scope s) {
        if (t.outer == null) {
            if (t.outerRef == null) {
                t.outerRef = o.path();
            }
            return new OuterRefExpr(o.path(), o.depth());
        }
        Expression<?> target = o.depth() == 1 ? F.of(o.path()) : new OuterRef(o.path(), o.depth() - 1);
        return resolve(t.outer, target, Scope.select("OuterRef"));
    }

    private static Expr param(QueryTree t, Value<?> v) {
        Object value = v.value();
        if (value instanceof Model m) {
            value = ModelMeta.of(m.getClass()).pkValue(m);
        } else if (value instanceof Ref<?> r) {
            value = r.id();
        } else if (value instanceof Enum<?> en) {
            value = en.name();
        }
        if (value == null) {
            return new Param(null, v.type() == Object.class ? null : kindOf(t, v.type(), v));
        }
        return new Param(value, kindOf(t, value.getClass(), v));
    }

    private static FieldType kindOf(QueryTree t, Class<?> type, Object subject) {
        FieldType k = ValueTypes.kindOf(type);
        if (k == null) {
            throw new QueryError(String.format("%s on %s: Quarry cannot use a %s as a value in SQL", subject, t.model.name(),
                    type.getSimpleName()));
        }
        return k;
    }

    private static Expr arithmetic(QueryTree t, Combined c, Scope s) {
        Expr l = resolve(t, c.left(), s);
        Expr r = resolve(t, c.right(), s);
        FieldType lk = Param.kindOf(l);
        FieldType rk = Param.kindOf(r);
        FieldType bad = lk != null && !Kinds.numeric(lk) ? lk : rk != null && !Kinds.numeric(rk) ? rk : null;
        if (bad != null) {
            Expression<?> side = bad == lk ? c.left() : c.right();
            throw new FieldError(t.model.type(), side instanceof F f ? f.path() : null, String.format(
                    "Cannot compute %s in %s on %s: '%s' needs numbers on both sides, and %s gives %s. Use a function "
                    + "(concat(...) for text) or cast(...)", c, s.context(), t.model.name(), c.operator().symbol(), side,
                    Kinds.describe(bad)));
        }
        FieldType out = lk == null && rk == null ? FieldType.BIGINT : lk == null ? rk : rk == null ? lk
                : Kinds.widerNumber(lk, rk);
        return new Arithmetic(l, c.operator(), r, out);
    }

    private static Expr function(QueryTree t, Func<?> f, Scope s) {
        List<Expr> args = new ArrayList<>(f.arguments().size());
        FunctionDef def = f.function() == null ? null : FunctionRegistry.function(f.function());
        if (f.function() != null && def == null) {
            throw new QueryError("Unknown built-in function " + f.function() + "; use Func.of(name, type, args) for an SQL function");
        }
        if (def != null && def.isWindowFunction() && !s.inWindow()) {
            throw new QueryError(f + " in " + s.context() + " on " + t.model.name() + " is a window function: use it "
                    + "inside Window.of(...)");
        }
        Scope argScope = def != null && def.isWindowFunction() ? s.inside(false, false) : s;
        for (Expression<?> a : f.arguments()) {
            args.add(resolve(t, a, argScope));
        }
        if (def == null) {
            List<String> pieces = Arrays.asList(f.template().split("%s", -1));
            FieldType out = f.type() != Object.class ? kindOf(t, f.type(), f) : args.isEmpty() ? FieldType.TEXT
                    : args.get(0).outputType();
            return new TemplateCall(pieces, args, out);
        }
        FieldType requested = def.name().equals("Cast") ? kindOf(t, f.type(), f) : null;
        FieldType out;
        try {
            out = def.resolve(args, requested);
        } catch (FunctionDef.Mismatch m) {
            throw new FieldError(t.model.type(), null, String.format("Cannot compute %s in %s on %s: %s", f, s.context(),
                    t.model.name(), m.getMessage()));
        }
        ValueTypes.check(t.model.type(), out, f.type(), f.toString(), s.context() + " on " + t.model.name());
        return new FuncCall(def, args, out);
    }

    private static Expr caseWhen(QueryTree t, Case<?> c, Scope s) {
        List<Where> conditions = new ArrayList<>();
        List<Expr> results = new ArrayList<>();
        List<FieldType> kinds = new ArrayList<>();
        for (When w : c.whens()) {
            Where cond = WhereBuilder.build(t, QueryHooks.condition(w.condition()), s.group(), true);
            if (cond.containsWindow()) {
                throw new QueryError("A condition of " + c + " in " + s.context() + " on " + t.model.name()
                        + " uses a window function, which SQL allows only in the select list and ORDER BY");
            }
            conditions.add(cond);
            Expr r = resolve(t, w.then(), s);
            results.add(r);
            kinds.add(Param.kindOf(r));
        }
        Expr otherwise = c.otherwise() == null ? null : resolve(t, c.otherwise(), s);
        if (otherwise != null) {
            kinds.add(Param.kindOf(otherwise));
        }
        FieldType out;
        try {
            out = Kinds.common(kinds, "Case");
        } catch (FunctionDef.Mismatch m) {
            throw new FieldError(t.model.type(), null, String.format("Cannot compute Case in %s on %s: %s",
                    s.context(), t.model.name(), m.getMessage()));
        }
        ValueTypes.check(t.model.type(), out, c.type(), "Case", s.context() + " on " + t.model.name());
        return new CaseExpr(conditions, results, otherwise, out);
    }

    /** The tree of a query passed as a value, resolved as a subquery of {@code t}. */
    static QueryTree fold(QueryTree t, Object query) {
        return QueryHooks.get().fold(query, t);
    }

    private static Expr subquery(QueryTree t, Subquery<?> sq) {
        QueryTree inner = single(fold(t, sq.query()), "Subquery(...)");
        if (!inner.isSliced()) {
            inner = inner.withoutOrdering();
        }
        FieldType kind = inner.values.values().iterator().next().outputType();
        ValueTypes.check(t.model.type(), kind, sq.type(), "Subquery", "Subquery in " + t.model.name());
        return new SubqueryExpr(inner, kind);
    }

    /** A subquery tree that selects exactly one value, or the error naming {@code what}. */
    static QueryTree single(QueryTree inner, String what) {
        if (inner.values == null || inner.values.size() != 1) {
            throw new QueryError(what + " over " + inner.model.name() + " must select exactly one value: add "
                    + ".values(\"field\") (or valuesList) to the inner query");
        }
        return inner;
    }

    private static Expr window(QueryTree t, Window<?> w, Scope s) {
        if (!s.windows()) {
            throw windowNotAllowed(t, w, s);
        }
        Expr function = resolve(t, w.expression(), s.inside(true, false));
        if (!(function instanceof AggregateExpr) && !(function instanceof FuncCall fc && fc.function().isWindowFunction())) {
            throw new QueryError("Window.of(" + w.expression() + ") on " + t.model.name() + ": a window computes a window "
                    + "function (rank(), rowNumber(), ...) or an aggregate");
        }
        if (function instanceof AggregateExpr a && a.distinct()) {
            throw new QueryError("Window.of(" + w.expression() + ") on " + t.model.name() + ": a DISTINCT aggregate cannot "
                    + "be computed over a window (PostgreSQL and SQLite refuse it); count the distinct values in a Subquery "
                    + "instead, or drop distinct");
        }
        Scope parts = new Scope(s.context(), s.group(), s.outer(), true, false, false, false);
        List<Expr> partition = new ArrayList<>();
        for (Expression<?> p : w.partitionBy()) {
            partition.add(resolve(t, p, parts));
        }
        List<OrderTerm> order = new ArrayList<>();
        for (Ordering o : w.orderBy()) {
            Expr e = o.expression() != null ? resolve(t, o.expression(), parts)
                    : PathResolver.resolve(t, o.path(), "Window orderBy", s.group(), s.outer());
            order.add(new OrderTerm(e, null, o.descending(), OrderTerm.nulls(o.nulls())));
        }
        Window.Frame frame = w.frame();
        if (frame != null && !frame.rows() && (nonZero(frame.start()) || nonZero(frame.end()))) {
            throw new QueryError("A RANGE frame takes only null (unbounded) or 0 (the current row and its peers) as "
                    + "bounds; use rows(start, end) to count rows");
        }
        return new WindowExpr(function, partition, order, frame);
    }

    private static boolean nonZero(Integer n) {
        return n != null && n != 0;
    }

    private static QueryError windowNotAllowed(QueryTree t, Object e, Scope s) {
        return new QueryError(String.format("%s on %s uses a window function, which cannot be used in %s: SQL allows "
                + "windows only in the select list and ORDER BY. Annotate it and filter on the annotation (the query is "
                + "then wrapped)", e, t.model.name(), s.context().equals("filter") ? "a filter() condition (WHERE)"
                : s.context()));
    }

    private static Expr aggregate(QueryTree t, Aggregate<?> a, Scope s) {
        if (!s.aggregates()) {
            throw new QueryError(a + " is an aggregate and cannot be used in " + s.context() + " on " + t.model.name()
                    + "; annotate it, or aggregate(...) the QuerySet");
        }
        if (s.inAggregate()) {
            throw new FieldError(t.model.type(), a.path(), "Cannot compute " + a + " inside another aggregate");
        }
        Expr arg = resolve(t, a.argument(), s.inside(false, true));
        Where filter = null;
        if (!a.filter().isEmpty()) {
            filter = WhereBuilder.build(t, QueryHooks.condition(a.filter()), JoinList.NO_GROUP, true);
            if (filter.containsAggregate() || filter.containsWindow()) {
                throw new QueryError("The filter of " + a + " on " + t.model.name() + " may not use an aggregate or window");
            }
        }
        AggregateExpr out = new AggregateExpr(a.function(), arg, a.isDistinct(), filter);
        if (!ValueTypes.accepts(out.outputType(), a.type())) { // the message is built only when it fails
            String subject = a.path() != null ? a.path() : a.toString();
            ValueTypes.check(t.model.type(), out.outputType(), a.type(), subject, s.context() + " on " + t.model.name()
                    + " (" + a + ")");
        }
        return out;
    }

    /** See {@link QueryTree#resolveForWrite}. */
    static Map<FieldMeta, Expr> forWrite(QueryTree t, Map<FieldMeta, Expression<?>> expressions, String context) {
        Map<FieldMeta, Expr> out = new LinkedHashMap<>();
        expressions.forEach((field, e) -> {
            int before = t.joins.size();
            Expr r = resolve(t, e, Scope.write(context));
            if (t.joins.size() != before) {
                throw new FieldError(t.model.type(), field.name(), String.format("%s of %s to %s: joined field references "
                        + "are not permitted here; use a Subquery with OuterRef to read another table", context, field, e));
            }
            FieldType k = Param.kindOf(r);
            if (k != null) {
                try {
                    Kinds.common(List.of(field.isForeignKey() ? field.type().referenceType() : field.type(), k),
                            "Setting " + field);
                } catch (FunctionDef.Mismatch m) {
                    throw new FieldError(t.model.type(), field.name(), String.format("Cannot %s %s to %s: %s", context,
                            field, e, m.getMessage()));
                }
            }
            if (r instanceof Param p && p.value() == null && !field.nullable()) {
                throw new dev.quarry.InvalidValueError(t.model.type(), field.name(), field + " is not nullable; " + context
                        + " cannot set it to null");
            }
            out.put(field, r);
        });
        return out;
    }
}
