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

    /** The target's answer, without the one-element list {@link #children()} makes (asked of every term built). */
    @Override
    public boolean containsAggregate() {
        return target.containsAggregate();
    }

    /** The target's answer, as {@link #containsAggregate()}. */
    @Override
    public boolean containsWindow() {
        return target.containsWindow();
    }

    @Override
    public boolean nullable() {
        return target.nullable();
    }
}
