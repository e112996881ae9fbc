package dev.quarry.query;

import dev.quarry.FieldError;
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
        // An annotation's alias is never a field's, a relation's or a parent's name (Annotator refuses
        // them), so a path that starts with one is read from the annotation; the others are parsed.
        String alias = annotationAt(t, path, cut);
        if (alias != null) {
            List<String> rest = cut < 0 ? List.of() : Arrays.asList(dev.quarry.internal.Names.splitLookup(path.substring(cut + 2)));
            return Lookups.transforms(t.model.type(), t.annotationRef(alias), rest, alias, path, context);
        }
        ParsedPath parsed;
        try {
            parsed = ParsedPath.parse(t.registry, t.model, path);
        } catch (FieldError unknown) {
            String head = cut < 0 ? path : path.substring(0, cut);
            throw withAnnotations(t, head, path, t.model.field(head) != null, unknown);
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
     * The alias of the annotation {@code path} starts with (its first {@code cut} characters: the part
     * before its first {@code __}; all of it when negative), or {@code null}; no string is made.
     */
    static String annotationAt(QueryTree t, String path, int cut) {
        if (t.annotations.isEmpty()) {
            return null;
        }
        if (cut < 0) {
            return t.annotations.containsKey(path) ? path : null;
        }
        for (String alias : t.annotations.keySet()) {
            if (alias.length() == cut && path.startsWith(alias)) {
                return alias;
            }
        }
        return null;
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
