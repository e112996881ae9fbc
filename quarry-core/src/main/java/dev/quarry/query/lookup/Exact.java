package dev.quarry.query.lookup;

import dev.quarry.query.RenderContext;
import dev.quarry.query.expr.Expr;

/** {@code exact}: equality; {@code exact=null} is {@code IS NULL}, as in Django. */
final class Exact implements Lookup {
    static final String NAME = "exact";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void render(RenderContext ctx, Expr lhs, Object value) {
        lhs.render(ctx);
        if (value == null) {
            ctx.w().sql(" IS NULL");
        } else {
            ctx.w().sql(" = ");
            Lookup.writeValue(ctx, value);
        }
    }

    @Override
    public boolean acceptsExpression() {
        return true;
    }

    @Override
    public boolean matchesMissingRow(Object preparedValue) {
        return preparedValue == null;
    }
}
