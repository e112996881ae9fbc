package dev.quarry;

import dev.quarry.model.FieldMeta;
import dev.quarry.model.FieldValues;
import dev.quarry.model.ModelMeta;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Django's {@code in_bulk}: the rows whose unique field holds one of the given values, keyed by the
 * caller's own values (so {@code inBulk(List.of(1, 2))} on a {@code Long} key answers
 * {@code get(1)}), in the caller's order, one query per batch under the database's IN-list limit.
 */
final class InBulk {
    private InBulk() {}

    static <T extends Model, K> Map<K, T> of(QuerySet<T> qs, String field, Collection<K> values) {
        Quarry q = qs.plan().quarry();
        ModelMeta meta = q.registry().meta(qs.type());
        FieldMeta f = meta.requireField(field);
        if (f.isForeignKey() || !(f.primaryKey() || f.options().unique())) {
            throw new FieldError(meta.type(), field, String.format("inBulk()'s field must be a unique field but %s.%s "
                    + "isn't", meta.name(), f.name()));
        }
        if (qs.plan().tree(q).isSliced()) {
            throw new QueryError("Cannot use limit, offset or slice with inBulk(); call inBulk() on the unsliced query");
        }
        if (values.isEmpty()) {
            return Map.of();
        }
        // The caller's value for each value as the field holds it (1 and 1L are the same key).
        Map<Object, K> callers = new LinkedHashMap<>();
        for (K v : values) {
            callers.putIfAbsent(FieldValues.forField(f, v), v);
        }
        List<Object> wanted = new ArrayList<>(callers.keySet());
        int size = Math.max(1, qs.plan().session(q, false).database().backend().features().maxInListSize());
        Map<Object, T> found = new HashMap<>();
        String lookup = (f.primaryKey() ? "pk" : f.name()) + "__in";
        for (int i = 0; i < wanted.size(); i += size) {
            List<Object> chunk = wanted.subList(i, Math.min(wanted.size(), i + size));
            for (T row : qs.filter(lookup, chunk).unordered().list()) {
                found.put(f.get(row), row);
            }
        }
        Map<K, T> out = new LinkedHashMap<>();
        callers.forEach((value, caller) -> {
            T row = found.get(value);
            if (row != null) {
                out.put(caller, row);
            }
        });
        return Collections.unmodifiableMap(out);
    }
}
