package dev.quarry.query.expr;

import dev.quarry.query.RenderContext;
import dev.quarry.spi.FieldType;

/** A reference to an annotation by its alias; renders the annotation's expression. */
public record AnnotationRef(String alias, Expr target) implements Expr {
    @Override
    public void render(RenderContext ctx) {
        ctx.annotation(alias, target);
    }

    @Override
    public FieldType outputType() {
        return target.outputType();
    }

    @Override
    public java.util.List<Expr> children() {
        return java.util.List.of(target);
    }

    @Override
    public boolean nullable() {
        return target.nullable();
    }
}
