package dev.quarry.query.lookup;

import dev.quarry.query.RenderContext;
import dev.quarry.query.expr.Expr;

/** An ordering comparison ({@code gt}, {@code gte}, {@code lt}, {@code lte}) with a non-null value. */
abstract class Comparison implements Lookup {
    private final String operator;

    Comparison(String operator) {
        this.operator = operator;
    }

    @Override
    public Object prepare(Object value, dev.quarry.spi.FieldType type, String subject) {
        if (value == null) {
            throw new dev.quarry.InvalidValueError(null, subject, "Lookup '" + name() + "' on " + subject + " does not accept null; use isnull");
        }
        return Lookup.super.prepare(value, type, subject);
    }

    @Override
    public void render(RenderContext ctx, Expr lhs, Object value) {
        lhs.render(ctx);
        ctx.w().sql(operator);
        Lookup.writeValue(ctx, value);
    }

    @Override
    public boolean acceptsExpression() {
        return true;
    }
}
