package dev.quarry.query.lookup;

import dev.quarry.query.RenderContext;
import dev.quarry.query.expr.Expr;
import dev.quarry.spi.FieldType;

/** A lookup registered through the SPI ({@link dev.quarry.spi.Lookup}), as the query tree uses lookups. */
final class SpiLookup implements Lookup {
    private final dev.quarry.spi.Lookup lookup;

    SpiLookup(dev.quarry.spi.Lookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public String name() {
        return lookup.name();
    }

    @Override
    public Object prepare(Object value, FieldType type, String subject) {
        try {
            return lookup.prepare(value instanceof dev.quarry.Model || value instanceof dev.quarry.Ref<?>
                    ? Values.coerce(value, type, subject, name()) : value, type);
        } catch (IllegalArgumentException e) {
            throw new dev.quarry.InvalidValueError(null, subject, "Lookup '" + name() + "' on " + subject + ": "
                    + e.getMessage());
        }
    }

    @Override
    public void render(RenderContext ctx, Expr lhs, Object value) {
        lookup.render(ctx.w(), () -> lhs.render(ctx), lhs.outputType(), value);
    }
}
