package dev.quarry;

import dev.quarry.deletion.Collector;
import dev.quarry.internal.ModelAccess;
import dev.quarry.load.LoadContext;
import dev.quarry.model.FieldMeta;
import dev.quarry.model.ManyToManyMeta;
import dev.quarry.model.ModelMeta;
import dev.quarry.model.Registry;
import dev.quarry.model.ReverseRelation;
import dev.quarry.model.Validator;
import dev.quarry.persist.Persister;
import dev.quarry.query.ValueTypes;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The base class of every model: an automatic {@code id} key, {@code save()}, {@code delete()},
 * and {@link #related(String, Class)} for every to-many relation that points at this model or
 * from it. An instance remembers the Quarry it was loaded from or saved to, and its relations load
 * from there. Instances are plain mutable objects: share them between threads only with the usual
 * care.
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
    private transient Quarry boundTo;
    private transient boolean persisted;
    private transient Map<String, dev.quarry.expr.Expression<?>> assigned;

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

    /** The primary key value, whatever the key field is called; {@code null} before the first save. */
    public Object pk() {
        return ModelMeta.of(getClass()).pkValue(this);
    }

    /** The primary key as {@code type} ({@code Long.class} for the automatic key); a type that cannot hold it is refused. */
    public <K> K pk(Class<K> type) {
        return ValueTypes.convert(pk(), type, getClass().getSimpleName() + ".pk");
    }

    /** Inserts this instance (no key yet) or updates its row, on the Quarry it came from (or the installed one). */
    public void save() {
        saveTo(quarry());
    }

    /**
     * Writes only these fields to this instance's row, in one UPDATE (Django's
     * {@code save(update_fields=[...])}): other changes in memory are not written, auto-now fields
     * are set only when listed, and the row must exist: no row with this key is a
     * {@link DatabaseError}, never an insert. A {@code @VersionField} is checked and raised as by
     * {@link #save()}. Unknown, many-to-many and primary key fields are refused before any SQL.
     * (A name of its own rather than a {@code save} overload, so that {@code obj::save} stays one
     * method: {@code executor.submit(obj::save)} would not compile next to an overload.)
     */
    public void saveOnly(String updateField, String... more) {
        ModelMeta meta = ModelMeta.of(getClass());
        List<String> names = new java.util.ArrayList<>(1 + more.length);
        names.add(updateField);
        names.addAll(List.of(more));
        List<FieldMeta> fields = new java.util.ArrayList<>(names.size());
        for (String name : names) {
            FieldMeta f = name == null ? null : meta.field(name);
            if (f == null || meta.manyToMany(name) != null) {
                throw new FieldError(getClass(), name, String.format("saveOnly(%s) on %s: '%s' is not a concrete field of "
                        + "%s (many-to-many fields are saved through related(...)). Choices are: %s", names, meta.name(),
                        name, meta.name(), String.join(", ", meta.fields().stream().skip(1).map(FieldMeta::queryName).toList())));
            }
            if (f.primaryKey()) {
                throw new FieldError(getClass(), name, "saveOnly(" + names + ") on " + meta.name()
                        + " cannot write the primary key; the key says which row is written");
            }
            if (!fields.contains(f)) {
                fields.add(f);
            }
        }
        Quarry q = quarry();
        Map<FieldMeta, dev.quarry.query.expr.Expr> exprs = assigned == null ? Map.of()
                : Assignments.resolve(q, this, assigned, fields);
        Persister.saveFields(q.database(), this, fields, exprs);
        if (!exprs.isEmpty()) {
            Assignments.readBack(q, this, exprs.keySet());
            exprs.keySet().forEach(f -> assigned.remove(f.name()));
            assigned = assigned.isEmpty() ? null : assigned;
        }
        boundTo = q;
    }

    void saveTo(Quarry q) {
        q.registry().meta(getClass()); // a model missing from Quarry.builder().models(...) is refused before any SQL
        if (assigned == null) {
            Persister.save(q.database(), this);
        } else {
            Map<FieldMeta, dev.quarry.query.expr.Expr> exprs = Assignments.resolve(q, this, assigned, null);
            Persister.save(q.database(), this, exprs);
            Assignments.readBack(q, this, exprs.keySet());
            assigned = null;
        }
        boundTo = q;
    }

    /**
     * Sets {@code field} to an expression the database computes when this instance is next saved:
     * {@code book.assign("stock", F.of("stock").minus(1)); book.save();} writes
     * {@code SET stock = stock - 1} (Django's {@code book.stock = F("stock") - 1}), so concurrent
     * saves do not lose each other's changes. A Java field cannot hold an expression, so the instance
     * keeps it beside the field until {@link #save()} (or {@link #saveOnly} naming the field), which
     * then reads the field's new value back from the row. Only an existing row can be updated this
     * way; the field and the expression are checked when saved, before any SQL.
     */
    public void assign(String field, dev.quarry.expr.Expression<?> expression) {
        FieldMeta f = Assignments.check(this, field, expression);
        if (assigned == null) {
            assigned = new LinkedHashMap<>();
        }
        assigned.put(f.name(), expression);
    }

    void bindTo(Quarry q) {
        boundTo = q;
    }

    /**
     * Deletes this row and everything its on-delete rules cascade to, in one transaction; returns
     * the number of rows deleted per model.
     */
    public Map<String, Integer> delete() {
        ModelMeta meta = ModelMeta.of(getClass());
        Object pk = pk();
        if (pk == null) {
            throw new QueryError(meta.name() + " object can't be deleted because its "
                    + meta.pk().name() + " attribute is null; it was never saved");
        }
        Quarry q = quarry();
        Map<String, Integer> counts = Collector.delete(q.session(), q.registry().meta(getClass()), List.of(pk));
        if (meta.pk().auto()) {
            meta.pk().set(this, null);
        }
        persisted = false;
        return counts;
    }

    /**
     * Reloads every field from the database (the version of a {@code @VersionField} too), forgetting
     * prefetched relations and any loaded foreign-key target whose key changed; annotations stay.
     * {@link DoesNotExist} when the row is gone.
     */
    public void refreshFromDb() {
        ModelMeta meta = ModelMeta.of(getClass());
        if (pk() == null) {
            throw new QueryError(meta.name() + " object can't be refreshed from the database because its "
                    + meta.pk().name() + " attribute is null; it was never saved");
        }
        Object fresh = Manager.of(getClass()).using(quarry()).get("pk", pk());
        for (FieldMeta f : meta.fields()) {
            if (f.isForeignKey()) {
                ((Ref<?>) f.get(this)).assignId(((Ref<?>) f.get(fresh)).id());
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
     * The manager of a to-many relation by name, checked against the related model:
     * {@code related("books", Book.class)} for a reverse foreign key ({@code "books"},
     * {@code "review_set"}), a many-to-many field ({@code "tags"}) or its reverse side. A name that
     * is no such relation, or a type that is not its model, is refused naming the choices.
     */
    public <R extends Model> RelatedManager<R> related(String name, Class<R> type) {
        RelatedManager<?> m = related(name);
        if (m.targetType() != type) {
            throw new FieldError(getClass(), name, String.format("%s.%s holds %s objects, not %s: use related(\"%s\", %s.class)",
                    getClass().getSimpleName(), name, m.targetType().getSimpleName(), type.getSimpleName(), name,
                    m.targetType().getSimpleName()));
        }
        @SuppressWarnings("unchecked")
        RelatedManager<R> typed = (RelatedManager<R>) m;
        return typed;
    }

    /**
     * The manager of a to-many relation by name, when its model is not known statically; prefer
     * {@link #related(String, Class)}.
     */
    public RelatedManager<?> related(String name) {
        ModelMeta meta = ModelMeta.of(getClass());
        ManyToManyMeta m2m = meta.manyToMany(name);
        if (m2m != null) {
            return (RelatedManager<?>) m2m.get(this);
        }
        Registry registry = quarry().registry();
        ReverseRelation r = registry.reverseByAccessor(meta, name);
        if (r != null) {
            return new RelatedManager<>(this, r);
        }
        throw new FieldError(getClass(), name, unknownRelation(registry, meta, name));
    }

    private static String unknownRelation(Registry registry, ModelMeta meta, String name) {
        for (ReverseRelation r : registry.reverseRelations(meta)) {
            String defaultAccessor = r.source().modelName() + "_set";
            if (name.equals(defaultAccessor) && r.renamed()) {
                return String.format("%s has no relation '%s': %s sets relatedName=\"%s\", which replaces the default "
                        + "'%s'. Use related(\"%s\", %s.class)", meta.name(), name, r.fieldLabel(), r.accessorName(),
                        defaultAccessor, r.accessorName(), r.source().name());
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
        List<String> choices = registry.relatedNames(meta);
        return String.format("%s has no relation '%s'. Choices are: %s", meta.name(), name,
                choices.isEmpty() ? "(none: no to-many relation reaches " + meta.name() + ")" : String.join(", ", choices));
    }

    /** An annotation's value on an instance loaded by an annotated QuerySet ({@code annotate("book_count", ...)}). */
    public Object annotation(String name) {
        if (annotations == null || !annotations.containsKey(name)) {
            throw new FieldError(getClass(), name, String.format("%s has no annotation '%s'. Annotations are: %s",
                    getClass().getSimpleName(), name, annotations == null ? "none" : String.join(", ", annotations.keySet())));
        }
        return annotations.get(name);
    }

    /** An annotation's value as {@code type} ({@code Long}, {@code Double}, ...); numbers convert when the value fits. */
    public <T> T annotation(String name, Class<T> type) {
        return ValueTypes.convert(annotation(name), type, "annotation '" + name + "'");
    }

    /** Whether this instance was loaded from or saved to the database. */
    public boolean isPersisted() {
        return persisted;
    }

    /** The Quarry this instance belongs to: the one it was saved to or loaded from, else the installed one. */
    Quarry quarry() {
        if (boundTo != null) {
            return boundTo.checkOpen();
        }
        if (context != null && context.session().owner() instanceof Quarry q) {
            return q.checkOpen();
        }
        return Quarry.current();
    }

    FetchMode fetchMode() {
        return context != null ? context.mode() : quarry().fetchMode();
    }

    LoadContext loadContext() {
        return context;
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

    /** The model and primary key; an unsaved instance hashes by identity. */
    @Override
    public int hashCode() {
        Object pk = pk();
        return pk == null ? System.identityHashCode(this) : Objects.hash(getClass(), pk);
    }

    /** {@code Author object (3)}, as Django prints an instance. */
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
        public void setRefId(Object ref, Object id) {
            ((Ref<?>) ref).assignId(id);
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
