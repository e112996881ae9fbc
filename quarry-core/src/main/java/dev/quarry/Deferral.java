package dev.quarry;

import dev.quarry.load.RawRows;
import dev.quarry.model.FieldMeta;
import dev.quarry.model.ModelMeta;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The rules of deferred fields, the fields a raw query did not select: a Java field cannot load
 * itself when read, so a deferred field holds nothing ({@code null}, a primitive's zero, a
 * foreign key without a key) until {@code refreshOnly(field)} loads it or the caller assigns it;
 * {@code save()} then writes only the fields that were loaded or assigned, as Django's save of a
 * deferred instance does. A field counts as assigned once it holds something other than nothing.
 */
final class Deferral {
    private Deferral() {}

    /** Whether {@code f} of {@code obj} still holds nothing. */
    static boolean untouched(FieldMeta f, Object obj) {
        if (f.isForeignKey()) {
            return ((Ref<?>) f.get(obj)).id() == null;
        }
        Object v = f.get(obj);
        return f.primitive() ? Objects.equals(v, RawRows.zero(f.javaType())) : v == null;
    }

    /** The deferred fields of {@code obj} that still hold nothing, by name. */
    static Set<String> pending(Model obj, Set<String> deferred) {
        Set<String> out = new LinkedHashSet<>();
        if (deferred != null) {
            ModelMeta meta = ModelMeta.of(obj.getClass());
            for (String name : deferred) {
                if (untouched(meta.field(name), obj)) {
                    out.add(name);
                }
            }
        }
        return out;
    }

    /** The fields {@code save()} writes: every field but the key that was loaded or assigned since. */
    static List<FieldMeta> loaded(Model obj, Set<String> deferred) {
        Set<String> pending = pending(obj, deferred);
        List<FieldMeta> out = new ArrayList<>();
        for (FieldMeta f : ModelMeta.of(obj.getClass()).fields()) {
            if (!f.primaryKey() && !pending.contains(f.name())) {
                out.add(f);
            }
        }
        return out;
    }

    /** The named concrete fields of {@code meta}, refusing other names with the choices. */
    static List<FieldMeta> fields(ModelMeta meta, List<String> names, String where) {
        List<FieldMeta> out = new ArrayList<>(names.size());
        for (String name : names) {
            FieldMeta f = name == null ? null : meta.anyField(name); // a multi-table parent's fields too
            if (f == null || meta.manyToMany(name) != null) {
                throw new FieldError(meta.type(), name, String.format("%s on %s: '%s' is not a concrete field of %s. "
                        + "Choices are: %s", where, meta.name(), name, meta.name(),
                        String.join(", ", meta.allFields().stream().map(FieldMeta::queryName).toList())));
            }
            out.add(f);
        }
        return out;
    }

    /** Loads the named fields of {@code obj} from its row in one query; returns what stays deferred ({@code null}: nothing). */
    static Set<String> refresh(Model obj, Quarry q, String field, String[] more, Set<String> deferred) {
        ModelMeta meta = ModelMeta.of(obj.getClass());
        List<String> names = new ArrayList<>(List.of(more));
        names.add(0, field);
        List<FieldMeta> fields = fields(meta, names, "refreshOnly(" + String.join(", ", names) + ")");
        if (obj.pk() == null) {
            throw new QueryError(meta.name() + " object can't be refreshed from the database because its "
                    + meta.pk().name() + " attribute is null; it was never saved");
        }
        copy(fields, new QuerySet<>(obj.getClass(), Plan.of(obj.getClass(), q).hint(obj)).get("pk", obj.pk()), obj);
        if (deferred == null) {
            return null;
        }
        Set<String> left = new LinkedHashSet<>(deferred);
        fields.forEach(f -> left.remove(f.name()));
        return left.isEmpty() ? null : left;
    }

    /** Copies {@code fields} from {@code fresh} into {@code obj}. */
    static void copy(List<FieldMeta> fields, Object fresh, Object obj) {
        for (FieldMeta f : fields) {
            if (f.isForeignKey()) {
                ((Ref<?>) f.get(obj)).assignId(((Ref<?>) f.get(fresh)).id());
            } else {
                f.set(obj, f.get(fresh));
            }
        }
    }
}
