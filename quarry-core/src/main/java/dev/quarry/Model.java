package dev.quarry;

import dev.quarry.deletion.Collector;
import dev.quarry.internal.ModelAccess;
import dev.quarry.load.LoadContext;
import dev.quarry.model.FieldMeta;
import dev.quarry.model.ManyToManyMeta;
import dev.quarry.model.ModelMeta;
import dev.quarry.model.ReverseRelation;
import dev.quarry.model.Validator;
import dev.quarry.persist.Persister;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The base class of every model: an automatic {@code id} key, {@code save()}, {@code delete()},
 * and {@link #related(String)} for every relation that points at this model or from it.
 */
public abstract class Model {
    static {
        ModelAccess.install(new Access());
    }

    /** The automatic primary key; {@code null} until the instance is saved. Unused when a field is declared {@code primaryKey}. */
    public Long id;

    private transient Map<String, Object> annotations;
    private transient Map<String, List<Object>> prefetched;
    private transient LoadContext context;
    private transient boolean persisted;

    /** Sets up the instance's relation handles ({@code Ref} and {@code ManyToMany} fields). */
    protected Model() {
        ModelMeta meta = ModelMeta.of(getClass());
        for (FieldMeta fk : meta.foreignKeys()) {
            if (fk.get(this) == null) {
                fk.set(this, new Ref<>(this, fk));
            }
        }
        for (ManyToManyMeta m : meta.manyToMany()) {
            m.set(this, new ManyToMany<>(this, m));
        }
        meta.applyDefaults(this);
    }

    /** The primary key value, whatever the key field is called. */
    public Object pk() {
        return ModelMeta.of(getClass()).pkValue(this);
    }

    /** Inserts this instance (no key yet) or updates its row. */
    public void save() {
        Persister.save(db().database(), this);
    }

    /**
     * Deletes this row and everything its on-delete rules cascade to, in one transaction; returns
     * the number of rows deleted per model.
     */
    public Map<String, Integer> delete() {
        ModelMeta meta = ModelMeta.of(getClass());
        Object pk = pk();
        if (pk == null) {
            throw new IllegalStateException(meta.name() + " object can't be deleted because its "
                    + meta.pk().name() + " attribute is null");
        }
        Map<String, Integer> counts = Collector.delete(db().database(), meta, List.of(pk));
        if (meta.pk().auto()) {
            meta.pk().set(this, null);
        }
        persisted = false;
        return counts;
    }

    /** Reloads every field from the database. */
    public void refreshFromDb() {
        ModelMeta meta = ModelMeta.of(getClass());
        Object fresh = Manager.of(getClass()).get("pk", pk());
        for (FieldMeta f : meta.fields()) {
            if (f.isForeignKey()) {
                ((Ref<?>) f.get(this)).setId(((Ref<?>) f.get(fresh)).id());
            } else {
                f.set(this, f.get(fresh));
            }
        }
        prefetched = null;
    }

    /** Checks every field (null, blank, max length, choices, positive numbers); throws {@link ValidationError} listing each field's messages. */
    public void fullClean() {
        Map<String, List<String>> errors = Validator.errors(this);
        if (!errors.isEmpty()) {
            throw new ValidationError(errors);
        }
    }

    /**
     * The manager of a to-many relation by name: a reverse foreign key ({@code "books"},
     * {@code "review_set"}), a many-to-many field ({@code "tags"}) or its reverse side.
     */
    @SuppressWarnings("unchecked")
    public <R extends Model> RelatedManager<R> related(String name) {
        ModelMeta meta = ModelMeta.of(getClass());
        ManyToManyMeta m2m = meta.manyToMany(name);
        if (m2m != null) {
            return (RelatedManager<R>) m2m.get(this);
        }
        ReverseRelation r = meta.reverseByAccessor(name);
        if (r != null) {
            return new RelatedManager<>(this, r);
        }
        throw new FieldError(unknownRelation(meta, name));
    }

    private static String unknownRelation(ModelMeta meta, String name) {
        for (ReverseRelation r : meta.reverseRelations()) {
            String defaultAccessor = r.source().modelName() + "_set";
            if (name.equals(defaultAccessor) && r.renamed()) {
                return String.format("%s has no relation '%s': %s sets relatedName=\"%s\", which replaces the default "
                        + "'%s'. Use related(\"%s\")", meta.name(), name, r.fieldLabel(), r.accessorName(),
                        defaultAccessor, r.accessorName());
            }
            if (name.equals(defaultAccessor) && r.hidden()) {
                return String.format("%s has no relation '%s': %s hides its reverse side with relatedName=\"+\"",
                        meta.name(), name, r.fieldLabel());
            }
        }
        FieldMeta f = meta.field(name);
        if (f != null && f.isForeignKey()) {
            return String.format("'%s' on %s is a foreign key (one object), not a to-many relation: use its Ref, %s.%s.get()",
                    name, meta.name(), meta.modelName(), f.name());
        }
        return String.format("%s has no relation '%s'. Choices are: %s", meta.name(), name,
                String.join(", ", meta.relatedNames()));
    }

    /** An annotation's value on an instance loaded by an annotated QuerySet ({@code annotate("book_count", ...)}). */
    public Object annotation(String name) {
        if (annotations == null || !annotations.containsKey(name)) {
            throw new FieldError(String.format("%s has no annotation '%s'. Annotations are: %s", getClass().getSimpleName(),
                    name, annotations == null ? "none" : String.join(", ", annotations.keySet())));
        }
        return annotations.get(name);
    }

    /** An annotation's value, converted to {@code type} ({@code Long}, {@code Double}, ...). */
    public <T> T annotation(String name, Class<T> type) {
        Object v = annotation(name);
        if (v == null || type.isInstance(v)) {
            return type.cast(v);
        }
        if (v instanceof Number n) {
            Object c = type == Long.class ? (Object) n.longValue() : type == Integer.class ? (Object) n.intValue()
                    : type == Double.class ? (Object) n.doubleValue() : null;
            if (c != null) {
                return type.cast(c);
            }
        }
        throw new ClassCastException("Annotation '" + name + "' is a " + v.getClass().getSimpleName() + ", not a " + type.getSimpleName());
    }

    /** Whether this instance was loaded from or saved to the database. */
    public boolean isPersisted() {
        return persisted;
    }

    FetchMode fetchMode() {
        return context != null ? context.mode() : db().fetchMode();
    }

    LoadContext loadContext() {
        return context;
    }

    Map<String, List<Object>> prefetchedRelations() {
        return prefetched;
    }

    static Quarry db() {
        return Quarry.current();
    }

    /** Equal when of the same model with the same primary key; unsaved instances equal only themselves. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || o.getClass() != getClass()) {
            return false;
        }
        Object pk = pk();
        return pk != null && pk.equals(((Model) o).pk());
    }

    @Override
    public int hashCode() {
        Object pk = pk();
        return pk == null ? System.identityHashCode(this) : Objects.hash(getClass(), pk);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " object (" + pk() + ")";
    }

    private static final class Access extends ModelAccess {
        @Override
        public void setAnnotation(Object model, String name, Object value) {
            Model m = (Model) model;
            if (m.annotations == null) {
                m.annotations = new LinkedHashMap<>();
            }
            m.annotations.put(name, value);
        }

        @Override
        public Map<String, List<Object>> prefetched(Object model, boolean create) {
            Model m = (Model) model;
            if (m.prefetched == null && create) {
                m.prefetched = new HashMap<>();
            }
            return m.prefetched;
        }

        @Override
        public void setContext(Object model, Object context) {
            ((Model) model).context = (LoadContext) context;
        }

        @Override
        public Object context(Object model) {
            return ((Model) model).context;
        }

        @Override
        public void setPersisted(Object model, boolean persisted) {
            ((Model) model).persisted = persisted;
        }

        @Override
        public void cacheRef(Object ref, Object value) {
            ((Ref<?>) ref).cache(value);
        }

        @Override
        public boolean refLoaded(Object ref) {
            return ((Ref<?>) ref).isLoaded();
        }
    }
}
