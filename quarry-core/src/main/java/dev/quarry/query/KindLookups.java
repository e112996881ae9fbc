package dev.quarry.query;

import dev.quarry.FieldError;
import dev.quarry.query.expr.ArrayExpr;
import dev.quarry.query.expr.Expr;
import dev.quarry.query.expr.JsonPathExpr;
import dev.quarry.query.lookup.ArrayLookups;
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
        return type == FieldType.JSON || type == FieldType.ARRAY;
    }

    /** The left side after the kind's transforms, and the lookup ({@code exact} when none is named). */
    static Lookups.Resolved resolve(Class<?> model, Expr lhs, List<String> rest, String subject) {
        if (lhs.outputType() == FieldType.ARRAY) {
            return array(model, lhs, rest, subject);
        }
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

    /**
     * An array's tail: {@code len}, an index ({@code 0}) or a slice ({@code 0_2}) followed by the lookups of
     * what it gives, or one of the array's own lookups (Django's ArrayField transforms and lookups).
     */
    private static Lookups.Resolved array(Class<?> model, Expr lhs, List<String> rest, String subject) {
        if (rest.isEmpty()) {
            return new Lookups.Resolved(lhs, ArrayLookups.lookup("exact"));
        }
        String part = rest.get(0);
        List<String> tail = rest.subList(1, rest.size());
        FieldType element = ArrayExpr.elementOf(lhs);
        if (part.equals("len")) {
            return Lookups.resolve(model, new ArrayExpr(lhs, ArrayExpr.Part.LENGTH, 0, 0, element), tail, subject);
        }
        if (isIndex(part)) {
            return Lookups.resolve(model, new ArrayExpr(lhs, ArrayExpr.Part.ELEMENT, Integer.parseInt(part), 0, element),
                    tail, subject);
        }
        int underscore = part.indexOf('_');
        if (underscore > 0 && isIndex(part.substring(0, underscore)) && isIndex(part.substring(underscore + 1))) {
            int from = Integer.parseInt(part.substring(0, underscore));
            int to = Integer.parseInt(part.substring(underscore + 1));
            return Lookups.resolve(model, new ArrayExpr(lhs, ArrayExpr.Part.SLICE, from, to, element), tail, subject);
        }
        Lookup lookup = tail.isEmpty() ? ArrayLookups.lookup(part) : null;
        if (lookup == null) {
            String name = subject.substring(subject.lastIndexOf('.') + 1);
            throw new FieldError(model, part, String.format("Unsupported lookup '%s' for ArrayField '%s'. Lookups are: %s, "
                    + "an index (%s__0) or a slice (%s__0_2)", part, subject, String.join(", ", ArrayLookups.names()),
                    name, name));
        }
        return new Lookups.Resolved(lhs, lookup);
    }

    private static boolean isIndex(String part) {
        if (part.isEmpty() || part.length() > 9) {
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
