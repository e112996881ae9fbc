package dev.quarry;

import dev.quarry.internal.ModelAccess;
import dev.quarry.load.LoadContext;
import dev.quarry.load.Prefetcher;
import dev.quarry.model.FieldMeta;
import dev.quarry.model.ModelMeta;
import dev.quarry.model.Registry;
import dev.quarry.model.ReverseRelation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The reverse side of a one-to-one field read from its target ({@code author.relatedOne("authorprofile",
 * AuthorProfile.class)}, Django's {@code author.authorprofile}): one object, cached on the instance (by
 * {@code selectRelated}, {@code prefetchRelated} or the first access), or {@link DoesNotExist} naming both models.
 */
final class ReverseOneToOne {
    private static final ModelAccess ACCESS = ModelAccess.get();

    private ReverseOneToOne() {}

    /** The object on the reverse side {@code name} of {@code owner}, checked against {@code type}. */
    static <R extends Model> R get(Model owner, String name, Class<R> type) {
        ModelMeta meta = ModelMeta.of(owner.getClass());
        Registry registry = owner.quarry().registry();
        ReverseRelation r = registry.reverseByAccessor(meta, name);
        if (r == null || !r.isOneToOne()) {
            throw new FieldError(owner.getClass(), name, unknown(registry, meta, name, r));
        }
        if (r.source().type() != type) {
            throw new FieldError(owner.getClass(), name, String.format("%s.%s is a %s, not a %s: use relatedOne(\"%s\", %s.class)",
                    meta.name(), name, r.source().name(), type.getSimpleName(), name, r.source().name()));
        }
        List<Object> cached = cached(owner, name);
        if (cached == null && owner.pk() != null) {
            cached = load(owner, r);
        }
        if (cached == null || cached.isEmpty()) {
            throw missing(owner, meta, r);
        }
        return type.cast(cached.get(0));
    }

    private static List<Object> cached(Model owner, String name) {
        Map<String, List<Object>> prefetched = ACCESS.prefetched(owner, false);
        return prefetched == null ? null : prefetched.get(name);
    }

    /** Loads the object as the fetch mode allows and caches it (or its absence) on the owner. */
    private static List<Object> load(Model owner, ReverseRelation r) {
        String name = r.accessorName();
        FetchMode mode = owner.fetchMode();
        if (mode == FetchMode.RAISE) {
            String model = r.target().name();
            throw new RelationNotLoaded(owner.getClass(), name, String.format("%s.%s is not loaded and the fetch mode is "
                    + "RAISE: add selectRelated(\"%s\") or prefetchRelated(\"%s\") to the QuerySet that loaded this %s",
                    model, name, r.queryName(), name, model));
        }
        LoadContext context = owner.loadContext();
        if (mode == FetchMode.PEERS && context != null && context.peers().size() > 1) {
            Prefetcher.prefetch(context.session(), context.peers(), name, mode, null, null);
            List<Object> done = cached(owner, name);
            if (done != null) {
                return done;
            }
        }
        @SuppressWarnings("unchecked")
        Class<Model> source = (Class<Model>) r.source().type();
        FieldMeta fk = r.foreignKey();
        List<Model> found = new QuerySet<>(source, Plan.of(source, owner.quarry()).hint(owner)).filter(fk.name(), owner.pk())
                .list();
        List<Object> value = new ArrayList<>(found);
        for (Model m : found) {
            if (fk.isForeignKey()) { // a parent link's child holds its parent's fields itself, not a Ref
                ACCESS.cacheRef(fk.get(m), owner);
            }
        }
        ACCESS.prefetched(owner, true).put(name, List.copyOf(value));
        return value;
    }

    private static DoesNotExist missing(Model owner, ModelMeta meta, ReverseRelation r) {
        return new DoesNotExist(r.source().type(), "filter(" + r.foreignKey().queryName() + "=?)", String.format(
                "%s has no %s: no %s points at %s through %s (Django's RelatedObjectDoesNotExist)", meta.name(),
                r.accessorName(), r.source().name(), owner, r.fieldLabel()));
    }

    /** Why {@code relatedOne(name, ...)} names no reverse one-to-one of {@code meta}, with the fix. */
    private static String unknown(Registry registry, ModelMeta meta, String name, ReverseRelation toMany) {
        if (toMany != null || meta.manyToMany(name) != null) {
            String model = toMany != null ? toMany.source().name() : meta.manyToMany(name).target().name();
            return String.format("'%s' on %s is a to-many relation, not the reverse side of a one-to-one: use "
                    + "related(\"%s\", %s.class)", name, meta.name(), name, model);
        }
        FieldMeta f = meta.field(name);
        if (f != null && f.isForeignKey()) {
            return String.format("'%s' on %s is a forward relation (declared on %s): use its Ref, %s.%s.get()",
                    name, meta.name(), meta.name(), meta.modelName(), f.name());
        }
        for (ReverseRelation r : registry.reverseRelations(meta)) {
            if (r.isOneToOne() && name.equals(r.defaultAccessor()) && (r.renamed() || r.hidden())) {
                return r.hidden() ? String.format("%s has no relation '%s': %s hides its reverse side with relatedName=\"+\"",
                        meta.name(), name, r.fieldLabel())
                        : String.format("%s has no relation '%s': %s sets relatedName=\"%s\", which replaces the default "
                        + "'%s'. Use relatedOne(\"%s\", %s.class)", meta.name(), name, r.fieldLabel(), r.accessorName(),
                        name, r.accessorName(), r.source().name());
            }
        }
        List<String> choices = registry.oneToOneNames(meta);
        return String.format("%s has no one-to-one relation '%s'. Choices are: %s", meta.name(), name,
                choices.isEmpty() ? "(none: no one-to-one field points at " + meta.name() + ")" : String.join(", ", choices));
    }

    /**
     * Keeps the reverse side in step with the forward one (Django's descriptors do the same): once
     * {@code owner}'s one-to-one {@code field} points at {@code target}, the target's reverse side is
     * {@code owner} without a query, and a {@code previous} target's is empty. A hidden reverse side is left alone.
     */
    static void assigned(Model owner, FieldMeta field, Model previous, Model target) {
        String related = field.relation().relatedName();
        if (related.endsWith("+")) {
            return;
        }
        String accessor = related.isEmpty() ? field.model().modelName() : related;
        if (previous != null && previous != target) {
            ACCESS.prefetched(previous, true).put(accessor, List.of());
        }
        if (target != null) {
            ACCESS.prefetched(target, true).put(accessor, List.of(owner));
        }
    }

    /** The message of {@code related(name)} for a reverse one-to-one: it is one object, not a manager. */
    static String notAManager(ModelMeta meta, ReverseRelation r) {
        return String.format("'%s' on %s is the reverse side of the one-to-one %s: one object, not a to-many relation. "
                + "Use relatedOne(\"%s\", %s.class)", r.accessorName(), meta.name(), r.fieldLabel(), r.accessorName(),
                r.source().name());
    }
}
