package dev.quarry.query;

import dev.quarry.model.ModelMeta;
import dev.quarry.model.Registry;
import dev.quarry.query.expr.Col;
import dev.quarry.spi.FieldType;
import java.util.Set;

/**
 * A lookup string that compares one column of the model's own table with a plain value
 * ({@code "pk"}, {@code "title"}, {@code "rating__gte"}): no join, no transform, one of
 * {@code exact}, {@code gt}, {@code gte}, {@code lt}, {@code lte}. Its SQL is the same for every
 * value, so a query made of it alone can be compiled once and run again with new parameters
 * (the compiled-query cache, see docs/performance.md of the project). Immutable; safe to share between threads.
 */
public final class SimpleFilter {
    private static final Set<String> LOOKUPS = Set.of("exact", "gt", "gte", "lt", "lte");

    private final ValueSlot slot;
    private final Lookups.Resolved resolved;
    private final String subject;

    private SimpleFilter(ParsedPath parsed, Lookups.Resolved resolved, String path, String subject) {
        this.slot = new ValueSlot(path, subject, null, parsed, resolved);
        this.resolved = resolved;
        this.subject = subject;
    }

    /**
     * The lookup {@code path} on {@code model}'s rows if it has that simple shape, else {@code null}
     * (the caller takes the general path, which also reports a bad lookup).
     */
    public static SimpleFilter of(Registry registry, ModelMeta model, String path) {
        ParsedPath parsed;
        try {
            parsed = ParsedPath.parse(registry, model, path);
        } catch (RuntimeException e) {
            return null;
        }
        if (!parsed.hops().isEmpty()) {
            return null;
        }
        FieldType type = parsed.field().type();
        if (type == FieldType.JSON || type == FieldType.ARRAY) {
            return null;
        }
        String subject = parsed.field().toString();
        Lookups.Resolved r;
        try {
            r = Lookups.resolve(parsed.field().model().type(), Col.of("?", parsed.field()), parsed.rest(), subject);
        } catch (RuntimeException e) {
            return null;
        }
        if (!(r.expr() instanceof Col) || !LOOKUPS.contains(r.lookup().name())) {
            return null;
        }
        return new SimpleFilter(parsed, r, path, subject);
    }

    /**
     * The value as the general path would prepare it for the column (an {@code InvalidValueError}
     * for a value the column cannot hold), or {@code null} when the value is not a plain one (an
     * instance, a {@code Ref}, a collection, an expression, a query, {@code null}) and the general
     * path must take it.
     */
    public Object prepare(Object value) {
        if (value == null || value instanceof dev.quarry.Model || value instanceof dev.quarry.Ref<?>
                || value instanceof java.util.Collection<?> || value instanceof Object[]
                || value instanceof dev.quarry.expr.Expression<?> || QueryHooks.get().isQuery(value)) {
            return null;
        }
        return slot.prepare(value);
    }

    @Override
    public String toString() {
        return "SimpleFilter(" + subject + " " + resolved.lookup().name() + ")";
    }
}
