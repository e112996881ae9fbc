package dev.quarry;

import dev.quarry.model.FieldMeta;
import dev.quarry.model.ModelMeta;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields {@code saveOnly(...)} writes (Django's {@code update_fields}), checked before any SQL: concrete
 * fields of the model or of a multi-table parent, never a many-to-many field or the primary key.
 */
final class UpdateFields {
    private UpdateFields() {}

    /** The fields named by {@code names} (Java or snake_case), without repeats; unknown names are refused listing the choices. */
    static List<FieldMeta> of(ModelMeta meta, List<String> names) {
        List<FieldMeta> fields = new ArrayList<>(names.size());
        for (String name : names) {
            FieldMeta f = name == null ? null : meta.anyField(name);
            if (f == null || meta.manyToMany(name) != null) {
                throw new FieldError(meta.type(), name, String.format("saveOnly(%s) on %s: '%s' is not a concrete field of "
                        + "%s (many-to-many fields are saved through related(...)). Choices are: %s", names, meta.name(),
                        name, meta.name(), String.join(", ", meta.allFields().stream().filter(x -> !x.primaryKey())
                                .map(FieldMeta::queryName).toList())));
            }
            if (f.primaryKey()) {
                throw new FieldError(meta.type(), name, "saveOnly(" + names + ") on " + meta.name()
                        + " cannot write the primary key; the key says which row is written");
            }
            if (!fields.contains(f)) {
                fields.add(f);
            }
        }
        return List.copyOf(fields);
    }
}
