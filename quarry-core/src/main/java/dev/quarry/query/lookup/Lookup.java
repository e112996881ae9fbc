package dev.quarry.query.lookup;

import dev.quarry.query.RenderContext;
import dev.quarry.query.expr.Expr;
import dev.quarry.spi.FieldType;

/** A comparison named by the last part of a lookup string ({@code exact}, {@code icontains}, ...). */
public interface Lookup {
    /** The name used in lookup strings. */
    String name();

    /**
     * Checks and converts the user's value for a left side of this type; {@code subject} names the
     * field in error messages.
     */
    default Object prepare(Object value, FieldType type, String subject) {
        return Values.coerce(value, type, subject, name());
    }

    /** Writes the condition. */
    void render(RenderContext ctx, Expr lhs, Object value);

    /** Whether the value may be an expression ({@code F}, a subquery) instead of a constant. */
    default boolean acceptsExpression() {
        return false;
    }

    /** Writes the right side: a resolved expression as it renders, a constant as a bind parameter. */
    static void writeValue(RenderContext ctx, Object value) {
        if (value instanceof Expr e) {
            e.render(ctx);
        } else {
            ctx.w().param(value);
        }
    }

    /** Whether the condition can be true where a joined row is missing, so joins must be LEFT OUTER. */
    default boolean matchesMissingRow(Object preparedValue) {
        return false;
    }
}
