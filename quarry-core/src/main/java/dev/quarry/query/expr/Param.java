package dev.quarry.query.expr;

import dev.quarry.query.RenderContext;
import dev.quarry.spi.FieldType;

/**
 * A constant, bound as a parameter ({@code NULL} written as such). {@code kind} is {@code null} for
 * a NULL of no known kind ({@code Value.of(null, Object.class)}), which takes the kind of what it is
 * combined with and reads as text on its own.
 */
public record Param(Object value, FieldType kind) implements Expr {
    @Override
    public void render(RenderContext ctx) {
        if (value == null) {
            ctx.ops().typedNull(ctx.w(), kind);
        } else {
            ctx.w().param(value);
        }
    }

    @Override
    public FieldType outputType() {
        return kind == null ? FieldType.TEXT : kind;
    }

    /** The kind of {@code e}, or {@code null} for a NULL of no known kind (which fits any). */
    public static FieldType kindOf(Expr e) {
        return e instanceof Param p && p.kind == null ? null : e.outputType();
    }

    @Override
    public boolean nullable() {
        return value == null;
    }
}
