package dev.quarry.query.lookup;

import dev.quarry.query.RenderContext;
import dev.quarry.query.expr.Expr;
import dev.quarry.spi.FieldType;
import dev.quarry.spi.PatternKind;

/**
 * A text match whose value is literal text, never a pattern: the backend escapes {@code %} and
 * {@code _} (or its own wildcards) and picks the operator for case (in)sensitivity.
 */
abstract class PatternLookup implements Lookup {
    private final PatternKind kind;
    private final boolean caseInsensitive;

    PatternLookup(PatternKind kind, boolean caseInsensitive) {
        this.kind = kind;
        this.caseInsensitive = caseInsensitive;
    }

    @Override
    public Object prepare(Object value, FieldType type, String subject) {
        if (value == null) {
            throw new dev.quarry.InvalidValueError(null, subject, "Lookup '" + name() + "' on " + subject + " does not accept null; use isnull");
        }
        if (type == FieldType.BINARY || value instanceof byte[]) {
            throw new dev.quarry.InvalidValueError(null, subject, "Lookup '" + name() + "' on " + subject + " matches text; "
                    + "bytes are compared with exact, in or isnull");
        }
        Object v = Values.coerce(value, null, subject, name());
        return v.toString();
    }

    @Override
    public void render(RenderContext ctx, Expr lhs, Object value) {
        ctx.ops().patternMatch(ctx.w(), () -> lhs.render(ctx), (String) value, kind, caseInsensitive);
    }
}
