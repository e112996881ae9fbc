package dev.quarry.query.expr;

import dev.quarry.query.RenderContext;
import dev.quarry.spi.FieldType;

/** A random number per row, for {@code orderBy("?")}. */
public record RandomExpr() implements Expr {
    @Override
    public void render(RenderContext ctx) {
        ctx.ops().random(ctx.w());
    }

    @Override
    public FieldType outputType() {
        return FieldType.FLOAT;
    }
}
