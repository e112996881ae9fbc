package dev.quarry.query.expr;

import dev.quarry.query.QueryTree;
import dev.quarry.query.RenderContext;
import dev.quarry.spi.FieldType;

/** {@code [NOT] EXISTS (SELECT 1 FROM ...)}, as a boolean value or a condition. */
public record ExistsExpr(QueryTree subquery, boolean negated) implements Expr {
    @Override
    public void render(RenderContext ctx) {
        ctx.w().sql(negated ? "NOT EXISTS (" : "EXISTS (");
        ctx.existsSubquery(subquery);
        ctx.w().sql(")");
    }

    @Override
    public FieldType outputType() {
        return FieldType.BOOLEAN;
    }

    @Override
    public boolean nullable() {
        return false;
    }
}
