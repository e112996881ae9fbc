package dev.quarry;

import dev.quarry.model.FieldMeta;
import dev.quarry.model.ModelMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Django's {@code validate_unique} for one-to-one fields, run by {@code fullClean()}: one query per
 * one-to-one field with a value and no error yet, asking whether another row already points at the
 * same target ("Author profile with this Author already exists.").
 */
final class UniqueOneToOne {
    private UniqueOneToOne() {}

    /** Adds the message of each one-to-one field of {@code instance} whose target another row already has. */
    static void addErrors(Model instance, Map<String, List<String>> errors) {
        ModelMeta meta = ModelMeta.of(instance.getClass());
        for (FieldMeta f : meta.foreignKeys()) {
            Object target = f.isOneToOne() && !errors.containsKey(f.name()) ? ((Ref<?>) f.get(instance)).id() : null;
            if (target == null) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Class<Model> type = (Class<Model>) meta.type();
            QuerySet<Model> same = new QuerySet<>(type, Plan.of(type, instance.quarry()).hint(instance)).filter(f.name(), target);
            // As Django: an instance being added has no row of its own yet; a saved one is left out of the search.
            if (instance.isPersisted() && instance.pk() != null) {
                same = same.exclude("pk", instance.pk());
            }
            if (same.exists()) {
                errors.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(String.format("%s with this %s already exists.",
                        capitalized(words(meta.name())), capitalized(f.queryName().replace('_', ' '))));
            }
        }
    }

    /** Django's {@code verbose_name} of a class name: {@code AuthorProfile} -> {@code author profile}. */
    static String words(String className) {
        return className.replaceAll("(?<=[a-z0-9])([A-Z])", " $1").toLowerCase(java.util.Locale.ROOT).trim();
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
