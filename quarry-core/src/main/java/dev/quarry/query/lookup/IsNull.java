package dev.quarry.query.lookup;

import dev.quarry.query.RenderContext;
import dev.quarry.query.expr.Expr;
import dev.quarry.spi.FieldType;

/** {@code isnull}: whether the value is NULL; on a reverse relation, whether no related row exists. */
final class IsNull implements Lookup {
    static final String NAME = "isnull";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Object prepare(Object value, FieldType type, String subject) {
        if (!(value instanceof Boolean)) {
            throw new dev.quarry.InvalidValueError(null, subject, "Lookup 'isnull' on " + subject + " needs true or false, got " + dev.quarry.internal.Excerpt.of(value));
        }
        return value;
    }

    @Override
    public void render(RenderContext ctx, Expr lhs, Object value) {
        lhs.render(ctx);
        ctx.w().sql((Boolean) value ? " IS NULL" : " IS NOT NULL");
    }

    @Override
    public boolean matchesMissingRow(Object preparedValue) {
        return Boolean.TRUE.equals(preparedValue);
    }
}
