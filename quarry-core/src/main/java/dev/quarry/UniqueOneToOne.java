package dev.quarry;

import dev.quarry.model.FieldMeta;
import dev.quarry.model.ModelMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Django's {@code validate_unique} for one-to-one fields and {@code @Meta(uniqueTogether)}, run by
 * {@code fullClean()}: one query per one-to-one field with a value and no error yet, asking whether another
 * row already points at the same target ("Author profile with this Author already exists."), and one per
 * {@code uniqueTogether} set whose fields all have values and no error ("Gadget with this Name and Maker
 * already exists.", an error of the whole instance).
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

    /** The message of each {@code uniqueTogether} set of {@code instance} whose values another row already has. */
    static List<String> togetherErrors(Model instance, Map<String, List<String>> errors) {
        ModelMeta meta = ModelMeta.of(instance.getClass());
        List<String> out = new ArrayList<>();
        sets:
        for (List<String> set : meta.tableOptions().uniqueTogether()) {
            @SuppressWarnings("unchecked")
            Class<Model> type = (Class<Model>) meta.type();
            QuerySet<Model> same = new QuerySet<>(type, Plan.of(type, instance.quarry()).hint(instance));
            List<String> labels = new ArrayList<>();
            for (String name : set) {
                FieldMeta f = meta.requireField(name);
                Object value = f.get(instance);
                if (value instanceof Ref<?> ref) {
                    value = ref.id();
                }
                if (value == null || errors.containsKey(f.name())) {
                    continue sets; // as Django: a set with a missing or invalid value is not looked up
                }
                same = same.filter(f.name(), value);
                labels.add(capitalized(f.queryName().replace('_', ' ')));
            }
            if (instance.isPersisted() && instance.pk() != null) {
                same = same.exclude("pk", instance.pk());
            }
            if (same.exists()) {
                String fields = labels.size() == 1 ? labels.get(0) : String.join(", ", labels.subList(0, labels.size() - 1))
                        + " and " + labels.get(labels.size() - 1);
                out.add(String.format("%s with this %s already exists.", capitalized(words(meta.name())), fields));
            }
        }
        return out;
    }

    /** Django's {@code verbose_name} of a class name: {@code AuthorProfile} -> {@code author profile}. */
    static String words(String className) {
        return className.replaceAll("(?<=[a-z0-9])([A-Z])", " $1").toLowerCase(java.util.Locale.ROOT).trim();
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
