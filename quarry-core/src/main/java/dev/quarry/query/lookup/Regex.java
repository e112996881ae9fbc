package dev.quarry.query.lookup;

import dev.quarry.query.RenderContext;
import dev.quarry.query.expr.Expr;
import dev.quarry.spi.FieldType;

/**
 * {@code regex} and {@code iregex}: the text contains a match of the regular expression, case-sensitive
 * or not. Each database uses its own engine (PostgreSQL's POSIX, MariaDB's PCRE, Java's on SQLite);
 * the common syntax (classes, anchors, alternation, repetition) means the same on all three.
 */
final class Regex implements Lookup {
    private final boolean caseInsensitive;

    Regex(boolean caseInsensitive) {
        this.caseInsensitive = caseInsensitive;
    }

    @Override
    public String name() {
        return caseInsensitive ? "iregex" : "regex";
    }

    @Override
    public Object prepare(Object value, FieldType type, String subject) {
        if (!(value instanceof String s)) {
            throw new dev.quarry.InvalidValueError(null, subject, "Lookup '" + name() + "' on " + subject
                    + " needs a regular expression as a String, got " + dev.quarry.internal.Excerpt.of(value));
        }
        try {
            java.util.regex.Pattern.compile(s);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new dev.quarry.InvalidValueError(null, subject, "Lookup '" + name() + "' on " + subject
                    + ": not a regular expression (" + e.getDescription() + ")");
        }
        return s;
    }

    @Override
    public void render(RenderContext ctx, Expr lhs, Object value) {
        ctx.ops().regexMatch(ctx.w(), () -> lhs.render(ctx), (String) value, caseInsensitive);
    }
}
