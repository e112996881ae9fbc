package dev.quarry.query.expr;

import dev.quarry.query.RenderContext;
import dev.quarry.spi.FieldType;
import dev.quarry.spi.Transform;
import java.util.List;

/** A transform registered through the SPI, applied to an expression. */
public record TransformCall(Transform transform, Expr source, FieldType outputType) implements Expr {
    @Override
    public void render(RenderContext ctx) {
        transform.render(ctx.w(), () -> source.render(ctx), source.outputType());
    }

    @Override
    public List<Expr> children() {
        return List.of(source);
    }
}
