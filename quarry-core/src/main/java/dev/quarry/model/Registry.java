package dev.quarry.model;

import dev.quarry.ImproperlyConfigured;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The models Quarry knows, checked together: every relation's target is a model, every reverse
 * side is computed, and two reverse names that clash are an error naming both fields.
 */
public final class Registry {
    private static final Set<Class<?>> MODELS = new LinkedHashSet<>();

    private Registry() {}

    /**
     * Registers these models and every model their relations reach, then recomputes and checks
     * the reverse sides of all registered models.
     */
    public static synchronized void register(Collection<? extends Class<?>> models) {
        Set<Class<?>> next = new LinkedHashSet<>(MODELS);
        Deque<Class<?>> todo = new ArrayDeque<>(models);
        while (!todo.isEmpty()) {
            Class<?> type = todo.pop();
            if (next.add(type) || models.contains(type)) {
                ModelMeta meta = ModelMeta.of(type);
                for (FieldMeta fk : meta.foreignKeys()) {
                    if (!next.contains(fk.relation().targetClass())) {
                        todo.push(fk.relation().targetClass());
                    }
                }
                for (ManyToManyMeta m : meta.manyToMany()) {
                    if (!next.contains(m.targetClass())) {
                        todo.push(m.targetClass());
                    }
                }
            }
        }
        Map<Class<?>, List<ReverseRelation>> reverse = new HashMap<>();
        for (Class<?> type : next) {
            ModelMeta meta = ModelMeta.of(type);
            for (FieldMeta fk : meta.foreignKeys()) {
                ReverseRelation r = ReverseRelation.of(fk);
                reverse.computeIfAbsent(fk.relation().targetClass(), k -> new ArrayList<>()).add(r);
            }
            for (ManyToManyMeta m : meta.manyToMany()) {
                reverse.computeIfAbsent(m.targetClass(), k -> new ArrayList<>()).add(ReverseRelation.of(m));
            }
        }
        for (Class<?> type : next) {
            check(ModelMeta.of(type), reverse.getOrDefault(type, List.of()));
        }
        for (Class<?> type : next) {
            ModelMeta.of(type).setReverseRelations(reverse.getOrDefault(type, List.of()));
        }
        MODELS.clear();
        MODELS.addAll(next);
    }

    private static void checkNames(ModelMeta meta) {
        for (FieldMeta f : meta.fields()) {
            checkName(meta, f.name(), f.queryName());
        }
        for (ManyToManyMeta m : meta.manyToMany()) {
            checkName(meta, m.name(), m.queryName());
        }
    }

    private static void checkName(ModelMeta meta, String javaName, String queryName) {
        if (queryName.contains("__") || queryName.endsWith("_") || queryName.equals("pk")) {
            throw new ImproperlyConfigured(String.format("Field name '%s' of %s would make lookups ambiguous: names may not "
                    + "contain '__', end with '_', or be 'pk'", javaName, meta.name()));
        }
    }

    private static void check(ModelMeta target, List<ReverseRelation> relations) {
        checkNames(target);
        Map<String, ReverseRelation> accessors = new HashMap<>();
        Map<String, ReverseRelation> queries = new HashMap<>();
        for (ReverseRelation r : relations) {
            if (r.hidden()) {
                continue;
            }
            if (r.queryName().contains("__") || r.accessorName().contains("__")) {
                throw new ImproperlyConfigured(String.format("Reverse name '%s' of %s contains '__', which lookups use to "
                        + "span relations", r.queryName(), r.fieldLabel()));
            }
            ReverseRelation a = accessors.put(r.accessorName(), r);
            if (a != null) {
                throw clash("accessor", r.accessorName(), target, a, r);
            }
            ReverseRelation q = queries.put(r.queryName(), r);
            if (q != null) {
                throw clash("query name", r.queryName(), target, q, r);
            }
            String fieldClash = target.field(r.accessorName()) != null ? r.accessorName()
                    : target.manyToMany(r.accessorName()) != null ? r.accessorName()
                    : target.field(r.queryName()) != null || target.manyToMany(r.queryName()) != null ? r.queryName() : null;
            if (fieldClash != null) {
                throw new ImproperlyConfigured(String.format(
                        "Reverse name '%s' of %s clashes with field %s.%s; give %s a different relatedName",
                        fieldClash, r.fieldLabel(), target.name(), fieldClash, r.fieldLabel()));
            }
        }
    }

    private static ImproperlyConfigured clash(String what, String name, ModelMeta target,
                                              ReverseRelation first, ReverseRelation second) {
        return new ImproperlyConfigured(String.format(
                "Reverse %s '%s' on %s is claimed by both %s and %s; give one of them a relatedName",
                what, name, target.name(), first.fieldLabel(), second.fieldLabel()));
    }

    /** Whether this model has been registered. */
    public static synchronized boolean isRegistered(Class<?> type) {
        return MODELS.contains(type);
    }

    /** The registered models, in registration order. */
    public static synchronized List<ModelMeta> models() {
        return MODELS.stream().map(ModelMeta::of).toList();
    }
}
