package dev.quarry.query;

import dev.quarry.FieldError;
import dev.quarry.query.expr.AnnotationRef;
import dev.quarry.query.expr.Col;
import dev.quarry.query.expr.Expr;
import java.util.Arrays;
import java.util.List;

/**
 * Resolves a path that names a value ({@code F}, {@code values}, {@code orderBy}, aggregate
 * arguments) on a fresh copy of a tree: an annotation alias, or a column reached through joins
 * (added to the copy by {@link JoinList}'s rules for {@code group} and {@code outer}), followed by
 * transforms ({@code published__year}).
 */
final class PathResolver {
    private PathResolver() {}

    /** The value at {@code path} in {@code t}, named in errors as used by {@code context} ({@code "annotate"}). */
    static Expr resolve(QueryTree t, String path, String context, int group, boolean outer) {
        int cut = path.indexOf("__");
        String head = cut < 0 ? path : path.substring(0, cut);
        boolean field = t.model.field(head) != null;
        AnnotationRef ref = field ? null : t.annotationRef(head);
        if (ref != null) {
            List<String> rest = cut < 0 ? List.of() : Arrays.asList(dev.quarry.internal.Names.splitLookup(path.substring(cut + 2)));
            return Lookups.transforms(t.model.type(), ref, rest, head, path, context);
        }
        ParsedPath parsed;
        try {
            parsed = ParsedPath.parse(t.registry, t.model, path);
        } catch (FieldError unknown) {
            throw withAnnotations(t, head, path, field, unknown);
        }
        JoinList.Joined j = t.joins.join(parsed.hops(), group, outer);
        t.joins = j.joins();
        Col col = Col.of(j.alias(), parsed.field());
        if (parsed.rest().isEmpty()) {
            return col;
        }
        if (!Lookups.isTransformChain(parsed.rest())) {
            throw new FieldError(parsed.field().model().type(), String.join("__", parsed.rest()), String.format(
                    "Cannot resolve '%s' in %s: '%s' is not a field of %s", path, context,
                    String.join("__", parsed.rest()), parsed.field().model().name()));
        }
        return Lookups.transforms(parsed.field().model().type(), col, parsed.rest(), parsed.field().toString(), path, context);
    }

    /**
     * The error for a path that did not parse: when its first name is none of the model's (nor a
     * relation's, nor a parent's) and the query has annotations, one whose choices name them too, as
     * Django's do; otherwise {@code unknown} as the parser made it. Checked only after the parse
     * failed, so a path that resolves pays for none of these lookups.
     */
    private static FieldError withAnnotations(QueryTree t, String head, String path, boolean field, FieldError unknown) {
        if (t.annotations.isEmpty() || field || t.registry.hop(t.model, head) != null
                || t.registry.reverseByAccessor(t.model, head) != null || t.registry.ancestorFor(t.model, head) != null) {
            return unknown;
        }
        java.util.TreeSet<String> choices = new java.util.TreeSet<>(t.registry.queryNames(t.model));
        choices.addAll(t.annotations.keySet());
        return new FieldError(t.model.type(), head, String.format("Cannot resolve keyword '%s' into field of %s (in lookup "
                + "'%s'). Choices are: %s", head, t.model.name(), path, String.join(", ", choices)));
    }
}
