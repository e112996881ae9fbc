package dev.quarry.query.expr;

import dev.quarry.query.RenderContext;
import dev.quarry.spi.FieldType;

/**
 * A transform of an array column ({@code @ArrayField}): its length ({@code tags__len}), one element by
 * 0-based index ({@code tags__0}) or a slice ({@code tags__0_2}, elements 0 and 1), written by the
 * backend's array operations. {@code elementType} is the kind of the array's elements.
 */
public record ArrayExpr(Expr source, Part part, int from, int to, FieldType elementType) implements TransformExpr {
    /** What is taken from the array. */
    public enum Part {
        /** The number of elements. */
        LENGTH,
        /** The element at {@code from}. */
        ELEMENT,
        /** The elements from {@code from} (included) to {@code to} (excluded). */
        SLICE
    }

    /** The element kind of an array expression: a column's declared element kind, or a slice's. */
    public static FieldType elementOf(Expr array) {
        if (array instanceof ArrayExpr a) {
            return a.elementType();
        }
        if (array instanceof Col c && c.field() != null) {
            return c.field().extras().arrayOf();
        }
        return null;
    }

    @Override
    public void render(RenderContext ctx) {
        Runnable array = () -> source.render(ctx);
        switch (part) {
            case LENGTH -> ctx.ops().arrayLength(ctx.w(), array);
            case ELEMENT -> ctx.ops().arrayElement(ctx.w(), array, from);
            case SLICE -> ctx.ops().arraySlice(ctx.w(), array, from, to);
        }
    }

    @Override
    public FieldType outputType() {
        return switch (part) {
            case LENGTH -> FieldType.INTEGER;
            case ELEMENT -> elementType;
            case SLICE -> FieldType.ARRAY;
        };
    }

    @Override
    public boolean containsAggregate() {
        return source.containsAggregate();
    }

    @Override
    public Expr withSource(Expr s) {
        return new ArrayExpr(s, part, from, to, elementType);
    }
}
