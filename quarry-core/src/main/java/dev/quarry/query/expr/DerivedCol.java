package dev.quarry.query.expr;

import dev.quarry.query.RenderContext;
import dev.quarry.spi.FieldType;

/** A column of a derived table by its alias ({@code "__col1"}): an input of an aggregate over a wrapped query. */
public record DerivedCol(String name, FieldType outputType) implements Expr {
    @Override
    public void render(RenderContext ctx) {
        ctx.w().identifier(name);
    }
}
