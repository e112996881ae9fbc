package dev.quarry.query.lookup;

import dev.quarry.query.RenderContext;
import dev.quarry.query.expr.Expr;
import dev.quarry.spi.FieldType;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** {@code range}: between two values, both included ({@code BETWEEN}). */
final class Range implements Lookup {
    static final String NAME = "range";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Object prepare(Object value, FieldType type, String subject) {
        List<?> pair = value instanceof Collection<?> c ? List.copyOf(c)
                : value instanceof Object[] a ? Arrays.asList(a) : null;
        if (pair == null || pair.size() != 2 || pair.get(0) == null || pair.get(1) == null) {
            throw new dev.quarry.InvalidValueError(null, subject, "Lookup 'range' on " + subject + " needs two non-null values, got " + dev.quarry.internal.Excerpt.of(value));
        }
        return List.of(Values.coerce(pair.get(0), type, subject, NAME), Values.coerce(pair.get(1), type, subject, NAME));
    }

    @Override
    public void render(RenderContext ctx, Expr lhs, Object value) {
        List<?> pair = (List<?>) value;
        lhs.render(ctx);
        ctx.w().sql(" BETWEEN ").param(pair.get(0)).sql(" AND ").param(pair.get(1));
    }
}
