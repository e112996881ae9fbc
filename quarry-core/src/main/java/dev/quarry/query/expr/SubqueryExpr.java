package dev.quarry.query.expr;

import dev.quarry.query.QueryTree;
import dev.quarry.query.RenderContext;
import dev.quarry.spi.FieldType;

/** {@code (SELECT value FROM ... [ORDER BY ...] [LIMIT ...])}: a query selecting one value, inside another. */
public record SubqueryExpr(QueryTree subquery, FieldType outputType) implements Expr {
    @Override
    public void render(RenderContext ctx) {
        ctx.w().sql("(");
        ctx.subquery(subquery);
        ctx.w().sql(")");
    }
}
