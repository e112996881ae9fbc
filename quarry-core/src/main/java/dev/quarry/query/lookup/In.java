package dev.quarry.query.lookup;

import dev.quarry.query.RenderContext;
import dev.quarry.query.expr.Expr;
import dev.quarry.spi.FieldType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * {@code in}: one of the values of a collection or array, of any length; an empty one matches
 * nothing. How the list is written is the backend's ({@code Operations.inList}).
 */
final class In implements Lookup {
    static final String NAME = "in";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Object prepare(Object value, FieldType type, String subject) {
        Collection<?> items;
        if (value instanceof Collection<?> c) {
            items = c;
        } else if (value instanceof Object[] a) {
            items = Arrays.asList(a);
        } else {
            throw new dev.quarry.InvalidValueError(null, subject, "Lookup 'in' on " + subject + " needs a collection or array, got "
                    + (value == null ? "null" : value.getClass().getSimpleName()));
        }
        LinkedHashSet<Object> out = new LinkedHashSet<>();
        for (Object item : items) {
            if (item != null) {
                out.add(Values.coerce(item, type, subject, NAME));
            }
        }
        return List.copyOf(new ArrayList<>(out));
    }

    @Override
    public boolean acceptsExpression() {
        return true;
    }

    @Override
    public void render(RenderContext ctx, Expr lhs, Object value) {
        if (value instanceof Expr subquery) {
            lhs.render(ctx);
            ctx.w().sql(" IN ");
            subquery.render(ctx);
            return;
        }
        List<?> items = (List<?>) value;
        if (items.isEmpty()) {
            ctx.w().sql("1 = 0");
            return;
        }
        // The backend writes the list: IN (?, ...), or one parameter for a list past its limits.
        ctx.ops().inList(ctx.w(), () -> lhs.render(ctx), items, lhs.outputType());
    }
}
