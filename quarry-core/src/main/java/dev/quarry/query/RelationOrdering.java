package dev.quarry.query;

import dev.quarry.FieldError;
import dev.quarry.Ordering;
import dev.quarry.model.Hop;
import java.util.ArrayList;
import java.util.List;

/**
 * Django's rule for ordering by a relation: {@code orderBy("author")} orders by the author's default
 * ordering ({@code @Meta(ordering = "name")} gives {@code author__name}), recursively, with a
 * descending term reversing the target's directions; a relation whose target has no default ordering,
 * {@code author_id}, {@code author__id} and {@code author__pk} order by the key. A chain of default
 * orderings that comes back to a relation it already followed is refused ("Infinite loop caused by
 * ordering").
 */
final class RelationOrdering {
    private static final String LOOP = "Infinite loop caused by ordering";

    private RelationOrdering() {}

    /** Whether {@code e} is the refusal of an ordering that loops. */
    static boolean isLoop(FieldError e) {
        return e.getMessage() != null && e.getMessage().startsWith(LOOP);
    }

    /** The terms with every relation replaced by its target's default ordering. */
    static List<Ordering> expand(QueryTree t, List<Ordering> terms) {
        List<Ordering> out = new ArrayList<>(terms.size());
        for (Ordering o : terms) {
            expand(t, o, o, List.of(), out);
        }
        return out;
    }

    private static void expand(QueryTree t, Ordering asked, Ordering o, List<Hop> followed, List<Ordering> out) {
        String path = o.path();
        Hop relation = path == null || path.equals("?") || isAlias(t, path) ? null
                : ParsedPath.parse(t.registry, t.model, path).endRelationWithoutRest();
        if (relation == null || relation.to().ordering().isEmpty()) {
            out.add(o);
            return;
        }
        for (Hop seen : followed) {
            if (seen.from() == relation.from() && seen.name().equals(relation.name())) {
                throw new FieldError(t.model.type(), asked.path(), String.format(LOOP + ": orderBy(\"%s\") on %s follows the default ordering of %s (%s) back to %s.%s; order by a field "
                        + "of the related model instead (\"%s__%s\")", asked.path(), t.model.name(), relation.to().name(),
                        String.join(", ", relation.to().ordering()), relation.from().name(), relation.name(), asked.path(),
                        relation.to().pk().name()));
            }
        }
        List<Hop> next = new ArrayList<>(followed);
        next.add(relation);
        for (String term : relation.to().ordering()) {
            Ordering inner = Ordering.parse(term);
            if (inner.path().equals("?")) {
                out.add(inner);
                continue;
            }
            Ordering combined = new Ordering(path + "__" + inner.path(), o.descending() != inner.descending(), o.nulls());
            expand(t, asked, combined, List.copyOf(next), out);
        }
    }

    private static boolean isAlias(QueryTree t, String path) {
        return PathResolver.annotationAt(t, path, path.indexOf("__")) != null;
    }
}
