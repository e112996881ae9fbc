package dev.quarry;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Reads back the rows a {@code Prefetch.to(name)} kept on an instance, checking the name and the model. */
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
}
