package dev.quarry.persist;

import dev.quarry.FieldError;
import dev.quarry.model.FieldMeta;
import dev.quarry.model.ModelMeta;
import java.util.ArrayList;
import java.util.List;

/**
 * What a bulk insert does with a row whose unique key exists: skip it ({@link #ignore()}), or
 * update some columns when a given unique constraint matches ({@link #update}). Checked against the
 * model before any SQL, with Django's rules ({@code bulk_create}'s {@code update_conflicts}).
 *
 * @param target the fields of the unique constraint (empty: any, when skipping)
 * @param update the fields to update (empty: skip the row)
 */
public record Conflict(List<FieldMeta> target, List<FieldMeta> update) {
    /** A conflict rule; both lists are copied. */
    public Conflict {
        target = List.copyOf(target);
        update = List.copyOf(update);
    }

    /** Skip rows that conflict on any unique key. */
    public static Conflict ignore() {
        return new Conflict(List.of(), List.of());
    }

    /**
     * Update {@code updateFields} when {@code uniqueFields} match an existing row: the unique fields
     * must be the fields of one unique constraint (a unique field or the primary key), the update
     * fields concrete and neither the primary key nor the version.
     */
    public static Conflict update(ModelMeta meta, List<String> uniqueFields, List<String> updateFields) {
        List<FieldMeta> target = new ArrayList<>();
        for (String name : uniqueFields) {
            FieldMeta f = concrete(meta, name, "uniqueFields");
            if (!target.contains(f)) {
                target.add(f);
            }
        }
        if (target.size() != 1 || !(target.get(0).primaryKey() || target.get(0).options().unique())) {
            throw new FieldError(meta.type(), uniqueFields.get(0), String.format("OnConflict.update(%s, ...) on %s needs "
                    + "the fields of one unique constraint; %s's unique fields are: %s", uniqueFields, meta.name(),
                    meta.name(), String.join(", ", meta.fields().stream().filter(f -> f.primaryKey() || f.options().unique())
                            .map(FieldMeta::queryName).toList())));
        }
        List<FieldMeta> update = new ArrayList<>();
        for (String name : updateFields) {
            FieldMeta f = concrete(meta, name, "updateFields");
            if (f.primaryKey()) {
                throw new FieldError(meta.type(), name, "bulkCreate() cannot be used with primary keys in the fields "
                        + "OnConflict.update() sets (" + meta.name() + "." + f.name() + ")");
            }
            if (f == meta.versionField()) {
                throw new FieldError(meta.type(), name, "OnConflict.update() raises " + meta.name() + "." + f.name()
                        + " by itself (it is the version field); leave it out");
            }
            if (!update.contains(f)) {
                update.add(f);
            }
        }
        return new Conflict(target, update);
    }

    private static FieldMeta concrete(ModelMeta meta, String name, String where) {
        if (meta.manyToMany(name) != null) {
            throw new FieldError(meta.type(), name, "bulkCreate() can only be used with concrete fields in " + where
                    + "; " + meta.name() + "." + name + " is a many-to-many field");
        }
        return meta.requireField(name);
    }

    /** Whether conflicting rows are updated rather than skipped. */
    public boolean updates() {
        return !update.isEmpty();
    }

    /** The target's columns. */
    public List<String> targetColumns() {
        return target.stream().map(FieldMeta::column).toList();
    }

    /** The updated columns. */
    public List<String> updateColumns() {
        return update.stream().map(FieldMeta::column).toList();
    }
}
