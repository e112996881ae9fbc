package dev.quarry.query;

import dev.quarry.FieldError;
import dev.quarry.query.expr.Expr;
import dev.quarry.query.expr.JsonPathExpr;
import dev.quarry.query.lookup.JsonLookups;
import dev.quarry.query.lookup.Lookup;
import dev.quarry.spi.FieldType;
import java.util.List;

/**
 * The tail of a lookup string on a column kind with lookups of its own: on a JSON column every part is a
 * key (or, if all digits, an array index) except a last one that names a JSON lookup
 * ({@code data__owner__name__icontains}), as Django's key transforms.
 */
final class KindLookups {
    private KindLookups() {}

    /** Whether columns of this kind resolve their lookup tails here. */
    static boolean handles(FieldType type) {
        return type == FieldType.JSON;
    }

    /** The left side after the kind's transforms, and the lookup ({@code exact} when none is named). */
    static Lookups.Resolved resolve(Class<?> model, Expr lhs, List<String> rest, String subject) {
        JsonPathExpr path = lhs instanceof JsonPathExpr p ? p : new JsonPathExpr(lhs, List.of());
        for (int i = 0; i < rest.size(); i++) {
            String part = rest.get(i);
            Lookup lookup = i == rest.size() - 1 ? JsonLookups.lookup(part) : null;
            if (lookup != null) {
                return new Lookups.Resolved(path, lookup);
            }
            if (part.isEmpty()) {
                throw new FieldError(model, part, "Empty key in the JSON path of '" + subject + "'");
            }
            path = path.then(isIndex(part) ? (Object) Integer.valueOf(part) : part);
        }
        return new Lookups.Resolved(path, JsonLookups.lookup("exact"));
    }

    private static boolean isIndex(String part) {
        if (part.length() > 9) {
            return false;
        }
        for (int i = 0; i < part.length(); i++) {
            if (part.charAt(i) < '0' || part.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
