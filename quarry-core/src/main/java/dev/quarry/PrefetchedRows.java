package dev.quarry;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The rows a {@code Prefetch.to(name)} keeps on an instance: read back checking the name and the model,
 * and where a Prefetch would keep rows already kept by an earlier lookup.
 */
final class PrefetchedRows {
    private PrefetchedRows() {}

    @SuppressWarnings("unchecked")
    static <R extends Model> List<R> read(Model owner, Map<String, List<Object>> prefetched, String name, Class<R> type) {
        String model = owner.getClass().getSimpleName();
        if (prefetched == null || !prefetched.containsKey(name)) {
            throw new RelationNotLoaded(owner.getClass(), name, String.format("%s has no prefetched rows '%s': load them with "
                    + "prefetchRelated(Prefetch.of(\"<relation>\", <QuerySet>).to(\"%s\")). Prefetched here: %s", model, name,
                    name, prefetched == null || prefetched.isEmpty() ? "none" : String.join(", ", prefetched.keySet())));
        }
        List<Object> rows = prefetched.get(name);
        for (Object row : rows) {
            if (!type.isInstance(row)) {
                throw new FieldError(owner.getClass(), name, String.format("%s.prefetched(\"%s\") holds %s objects, not %s: "
                        + "use prefetched(\"%s\", %s.class)", model, name, row.getClass().getSimpleName(),
                        type.getSimpleName(), name, row.getClass().getSimpleName()));
            }
        }
        return Collections.unmodifiableList((List<R>) (List<?>) rows);
    }

    /**
     * Refuses a Prefetch with a QuerySet whose rows an earlier lookup of the same prefetchRelated already
     * loads (Django: "'books' lookup was already seen with a different queryset"); records what it loads.
     */
    static void checkNotSeen(Prefetch p, java.util.Set<String> seen) {
        String to = dev.quarry.load.Prefetcher.keptPath(p.path(), p.toAttr());
        if (p.queryset() != null && seen.contains(to)) {
            throw new QueryError(String.format("Prefetch(\"%s\", ...): '%s' is already prefetched by an earlier lookup, "
                    + "which this QuerySet cannot change. Put this Prefetch first, or keep its rows under another name "
                    + "with .to(\"...\")", p.path(), to));
        }
        String[] parts = to.split("__");
        for (int k = 1; k <= parts.length; k++) {
            seen.add(String.join("__", java.util.Arrays.copyOfRange(parts, 0, k)));
        }
    }
}
