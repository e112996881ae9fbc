package dev.quarry.query;

import dev.quarry.FieldError;
import dev.quarry.query.expr.DatePartExpr;
import dev.quarry.query.expr.Expr;
import dev.quarry.query.lookup.Lookup;
import dev.quarry.query.lookup.LookupRegistry;
import dev.quarry.spi.DatePart;
import dev.quarry.spi.FieldType;
import java.util.List;

/** Applies the tail of a lookup string ({@code year__gte}) to a resolved left side: transforms, then one lookup. */
final class Lookups {
    private Lookups() {}

    /** The left side after its transforms, and the lookup that ends the path ({@code exact} when none does). */
    record Resolved(Expr expr, Lookup lookup) {}

    /** Resolves {@code rest} against {@code lhs}; a part that is no transform or lookup is a FieldError on {@code model}. */
    static Resolved resolve(Class<?> model, Expr lhs, List<String> rest, String subject) {
        Expr expr = lhs;
        for (int i = 0; i < rest.size(); i++) {
            String part = rest.get(i);
            DatePart dp = LookupRegistry.transform(part);
            if (dp != null) {
                FieldType t = expr.outputType();
                if (t != FieldType.DATE && t != FieldType.DATETIME) {
                    throw new FieldError(model, part, String.format("Unsupported transform '%s' for %s field '%s': date "
                            + "parts apply to date and datetime fields", part, t, subject));
                }
                expr = new DatePartExpr(dp, expr);
                continue;
            }
            Lookup lookup = LookupRegistry.lookup(part);
            if (lookup != null && i == rest.size() - 1) {
                return new Resolved(expr, lookup);
            }
            throw new FieldError(model, part, String.format("Unsupported lookup '%s' for %s field '%s' or join on the field "
                    + "not permitted. Lookups are: %s", part, expr.outputType(), subject,
                    String.join(", ", LookupRegistry.names())));
        }
        return new Resolved(expr, LookupRegistry.exact());
    }
}
