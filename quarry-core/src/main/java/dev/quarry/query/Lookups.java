package dev.quarry.query;

import dev.quarry.FieldError;
import dev.quarry.query.expr.Expr;
import dev.quarry.query.lookup.Lookup;
import dev.quarry.query.lookup.LookupRegistry;
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
            if (KindLookups.handles(expr.outputType())) {
                // JSON keys and indexes (and array elements): the rest of the path is the kind's own.
                return KindLookups.resolve(model, expr, rest.subList(i, rest.size()), subject);
            }
            String part = rest.get(i);
            if (LookupRegistry.isTransform(part)) {
                expr = LookupRegistry.applyTransform(model, part, expr, subject);
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
        if (KindLookups.handles(expr.outputType())) {
            return KindLookups.resolve(model, expr, List.of(), subject);
        }
        return new Resolved(expr, LookupRegistry.exact());
    }

    /** Whether every part is a transform (a value path may end with transforms, never with a lookup). */
    static boolean isTransformChain(List<String> rest) {
        return rest.stream().allMatch(LookupRegistry::isTransform);
    }

    /** {@code lhs} after the transforms in {@code rest}; anything else there is a FieldError naming {@code path}. */
    static Expr transforms(Class<?> model, Expr lhs, List<String> rest, String subject, String path, String context) {
        Expr expr = lhs;
        for (String part : rest) {
            if (!LookupRegistry.isTransform(part)) {
                throw new FieldError(model, part, String.format("Cannot resolve '%s' in %s: '%s' is not a transform of %s",
                        path, context, part, subject));
            }
            expr = LookupRegistry.applyTransform(model, part, expr, subject);
        }
        return expr;
    }
}
