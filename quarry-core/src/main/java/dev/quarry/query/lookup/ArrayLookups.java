package dev.quarry.query.lookup;

import dev.quarry.InvalidValueError;
import dev.quarry.query.RenderContext;
import dev.quarry.query.expr.ArrayExpr;
import dev.quarry.query.expr.Expr;
import dev.quarry.spi.FieldType;
import dev.quarry.spi.SqlArray;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The lookups of an array field of their own (Django's {@code ArrayField}): {@code contains},
 * {@code contained_by} and {@code overlap} with a list, written by the backend's array operations; and
 * which of the common lookups ({@code exact}, {@code isnull}, {@code in}, comparisons) a whole array takes.
 */
public final class ArrayLookups {
    private static final Set<String> COMMON = Set.of("exact", "isnull", "in", "lt", "lte", "gt", "gte");

    private ArrayLookups() {}

    /** The array lookup of this name ({@code contains}, {@code contained_by}, {@code overlap}, or a common one), or {@code null}. */
    public static Lookup lookup(String name) {
        if (name.equals("contains") || name.equals("contained_by") || name.equals("overlap")) {
            return new ArrayCompare(name);
        }
        return COMMON.contains(name) ? LookupRegistry.lookup(name) : null;
    }

    /** The names {@link #lookup} knows, for messages. */
    public static List<String> names() {
        return List.of("contains", "contained_by", "overlap", "len", "exact", "isnull", "in", "lt", "lte", "gt", "gte");
    }

    /** {@code contains}, {@code contained_by}, {@code overlap}: the array against a list of elements. */
    static final class ArrayCompare implements Lookup {
        private final String name;

        ArrayCompare(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Object prepare(Object value, FieldType type, String subject) {
            if (value instanceof SqlArray a) {
                return a;
            }
            if (value instanceof Collection<?> items) {
                return new SqlArray(null, new ArrayList<>(items));
            }
            throw new InvalidValueError(null, subject, "Lookup '" + name + "' on " + subject + " needs a List of "
                    + "elements, got " + (value == null ? "null" : value.getClass().getSimpleName()));
        }

        @Override
        public void render(RenderContext ctx, Expr lhs, Object value) {
            ctx.ops().arrayCompare(ctx.w(), () -> lhs.render(ctx), name, ArrayExpr.elementOf(lhs), (SqlArray) value);
        }
    }
}
