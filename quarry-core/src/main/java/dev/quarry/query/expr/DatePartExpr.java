package dev.quarry.query.expr;

import dev.quarry.query.RenderContext;
import dev.quarry.spi.DatePart;
import dev.quarry.spi.FieldType;

/** A date part extracted from a date or datetime column ({@code __year}), as an integer. */
public record DatePartExpr(DatePart part, Expr source) implements Expr {
    @Override
    public void render(RenderContext ctx) {
        ctx.ops().dateExtract(ctx.w(), part, source.outputType(), () -> source.render(ctx));
    }

    @Override
    public FieldType outputType() {
        return FieldType.INTEGER;
    }

    @Override
    public boolean containsAggregate() {
        return source.containsAggregate();
    }

    @Override
    public boolean nullable() {
        return source.nullable();
    }
}
