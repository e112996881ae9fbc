package dev.quarry.query;

import dev.quarry.InvalidValueError;
import dev.quarry.model.FieldValues;
import dev.quarry.query.expr.Col;
import dev.quarry.query.expr.Expr;
import dev.quarry.query.lookup.Lookup;
import java.util.List;

/** A resolved WHERE/HAVING tree. */
public sealed interface Where {
    /** Writes the condition. */
    void render(RenderContext ctx);

    /** Whether any condition in the tree involves an aggregate. */
    boolean containsAggregate();

    /** Whether any condition in the tree involves a window function (which SQL allows only outside WHERE). */
    default boolean containsWindow() {
        return false;
    }

    /** Whether {@code test} holds for any of {@code children} (a loop: asked of every condition of every query built). */
    private static boolean any(List<Where> children, java.util.function.Predicate<Where> test) {
        for (int i = 0; i < children.size(); i++) {
            if (test.test(children.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** Conditions joined by AND. */
    record And(List<Where> children) implements Where {
        /** An AND of these conditions, which are copied. */
        public And {
            children = List.copyOf(children);
        }

        @Override
        public void render(RenderContext ctx) {
            join(ctx, children, " AND ");
        }

        @Override
        public boolean containsAggregate() {
            return Where.any(children, Where::containsAggregate);
        }

        @Override
        public boolean containsWindow() {
            return Where.any(children, Where::containsWindow);
        }
    }

    /** Conditions joined by OR. */
    record Or(List<Where> children) implements Where {
        /** An OR of these conditions, which are copied. */
        public Or {
            children = List.copyOf(children);
        }

        @Override
        public void render(RenderContext ctx) {
            join(ctx, children, " OR ");
        }

        @Override
        public boolean containsAggregate() {
            return Where.any(children, Where::containsAggregate);
        }

        @Override
        public boolean containsWindow() {
            return Where.any(children, Where::containsWindow);
        }
    }

    /** NOT of a condition. */
    record Not(Where child) implements Where {
        @Override
        public void render(RenderContext ctx) {
            ctx.w().sql("NOT (");
            child.render(ctx);
            ctx.w().sql(")");
        }

        @Override
        public boolean containsAggregate() {
            return child.containsAggregate();
        }

        @Override
        public boolean containsWindow() {
            return child.containsWindow();
        }
    }

    /** A lookup applied to an expression and a prepared value. */
    record Condition(Expr lhs, Lookup lookup, Object value) implements Where {
        @Override
        public void render(RenderContext ctx) {
            checkStorable(ctx, value);
            lookup.render(ctx, lhs, value);
        }

        /** Refuses a NaN or infinity the database cannot compare (SQLite binds NaN as NULL), naming the left side. */
        private void checkStorable(RenderContext ctx, Object v) {
            if (v instanceof Expr) {
                return;
            }
            if (v instanceof List<?> items) {
                for (Object item : items) {
                    checkStorable(ctx, item);
                }
                return;
            }
            String problem = FieldValues.unstorable(v, ctx.features());
            if (problem != null) {
                String subject = lhs instanceof Col c && c.field() != null ? c.field().toString() : "an expression";
                throw new InvalidValueError(lhs instanceof Col c && c.field() != null ? c.field().model().type() : null,
                        subject, String.format("%s: %s for lookup '%s'; got %s", subject, problem, lookup.name(), v));
            }
        }

        @Override
        public boolean containsAggregate() {
            return lhs.containsAggregate() || value instanceof Expr e && e.containsAggregate();
        }

        @Override
        public boolean containsWindow() {
            return lhs.containsWindow() || value instanceof Expr e && e.containsWindow();
        }
    }

    /** A boolean expression that must hold ({@code Q.of(Exists.of(...))}). */
    record Holds(Expr expression) implements Where {
        @Override
        public void render(RenderContext ctx) {
            expression.render(ctx);
        }

        @Override
        public boolean containsAggregate() {
            return expression.containsAggregate();
        }

        @Override
        public boolean containsWindow() {
            return expression.containsWindow();
        }
    }

    /** [NOT] EXISTS (a correlated subquery). */
    record Exists(QueryTree subquery, boolean negated) implements Where {
        @Override
        public void render(RenderContext ctx) {
            ctx.w().sql(negated ? "NOT EXISTS (" : "EXISTS (");
            ctx.existsSubquery(subquery);
            ctx.w().sql(")");
        }

        @Override
        public boolean containsAggregate() {
            return false;
        }
    }

    /** Two expressions compared with {@code =} (a correlation between a subquery and its outer query). */
    record ColumnsEqual(Expr left, Expr right) implements Where {
        @Override
        public void render(RenderContext ctx) {
            left.render(ctx);
            ctx.w().sql(" = ");
            right.render(ctx);
        }

        @Override
        public boolean containsAggregate() {
            return false;
        }
    }

    /** A constant truth value ({@code in} with an empty list is always false). */
    record Constant(boolean value) implements Where {
        @Override
        public void render(RenderContext ctx) {
            ctx.w().sql(value ? "1 = 1" : "1 = 0");
        }

        @Override
        public boolean containsAggregate() {
            return false;
        }
    }

    /** Membership through a many-to-many table: {@code pk IN (SELECT target FROM through WHERE source = ?)}. */
    record InThrough(Expr pk, String throughTable, String selectColumn, String whereColumn, Object ownerKey) implements Where {
        @Override
        public void render(RenderContext ctx) {
            pk.render(ctx);
            ctx.w().sql(" IN (SELECT ").identifier(selectColumn).sql(" FROM ").identifier(throughTable)
                    .sql(" WHERE ").identifier(whereColumn).sql(" = ").param(ownerKey).sql(")");
        }

        @Override
        public boolean containsAggregate() {
            return false;
        }
    }

    private static void join(RenderContext ctx, List<Where> children, String op) {
        if (children.isEmpty()) {
            ctx.w().sql("1 = 1");
            return;
        }
        if (children.size() == 1) {
            children.get(0).render(ctx);
            return;
        }
        ctx.w().sql("(");
        for (int i = 0; i < children.size(); i++) {
            if (i > 0) {
                ctx.w().sql(op);
            }
            children.get(i).render(ctx);
        }
        ctx.w().sql(")");
    }
}
