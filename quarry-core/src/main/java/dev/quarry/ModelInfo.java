package dev.quarry;

import dev.quarry.model.FieldMeta;
import dev.quarry.model.ManyToManyMeta;
import dev.quarry.model.ModelMeta;
import dev.quarry.model.Registry;
import dev.quarry.model.ReverseRelation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A read-only description of one model as a Quarry sees it: table, fields, and relations in both
 * directions with their accessor and query names; plus reading and writing a field of an instance
 * by name. Shared by tools (and the annotation processor's runtime) instead of reflection.
 * Obtained from {@link Quarry#model(Class)} or {@link Quarry#models()}.
 */
public final class ModelInfo {
    private final Registry registry;
    private final ModelMeta meta;

    ModelInfo(Registry registry, ModelMeta meta) {
        this.registry = registry;
        this.meta = meta;
    }

    /** The model class. */
    @SuppressWarnings("unchecked")
    public Class<? extends Model> type() {
        return (Class<? extends Model>) meta.type();
    }

    /** The class's simple name ({@code Author}). */
    public String name() {
        return meta.name();
    }

    /** The table name. */
    public String table() {
        return meta.table();
    }

    /** The default ordering, in {@code orderBy} syntax. */
    public List<String> ordering() {
        return meta.ordering();
    }

    /** Whether this is a proxy model ({@code @Meta(proxy = true)}): another class over {@link #concreteModel()}'s table. */
    public boolean isProxy() {
        return meta.isProxy();
    }

    /** The model whose table holds this model's rows: the model itself, or the concrete model a proxy stands for. */
    @SuppressWarnings("unchecked")
    public Class<? extends Model> concreteModel() {
        return (Class<? extends Model>) meta.concrete().type();
    }

    /**
     * The multi-table parents ({@code @Meta(multiTable = true)}), nearest first: {@code [Restaurant, Place]} for
     * an ItalianRestaurant; empty for a model without one. (Abstract bases are not models and are not listed.)
     */
    @SuppressWarnings("unchecked")
    public List<Class<? extends Model>> parents() {
        List<Class<? extends Model>> out = new ArrayList<>();
        for (ModelMeta p : meta.parents()) {
            out.add((Class<? extends Model>) p.type());
        }
        return List.copyOf(out);
    }

    /**
     * The abstract bases this model inherits fields, ordering and relations from (Java {@code abstract} classes
     * between it and {@link Model}, Django's {@code abstract = True}), nearest first. They have no table.
     */
    public List<Class<?>> abstractBases() {
        List<Class<?>> out = new ArrayList<>();
        for (Class<?> c = meta.type().getSuperclass(); c != null && c != Model.class; c = c.getSuperclass()) {
            if (java.lang.reflect.Modifier.isAbstract(c.getModifiers())) {
                out.add(c);
            }
        }
        return List.copyOf(out);
    }

    /**
     * The concrete fields (columns), primary key first; a foreign key is a field too ({@code author_id}). For a
     * multi-table child, the columns of its own table only: the parent link (its key, {@code place_ptr_id}) and
     * the fields it declares; the parents' fields are in their own {@code ModelInfo} ({@link #parents()}), although
     * lookups, {@code values()} and Django's {@code _meta.get_fields()} include them.
     */
    public List<FieldInfo> fields() {
        return meta.fields().stream().map(FieldInfo::new).toList();
    }

    /** A concrete field by Java or snake_case name; an unknown name is refused listing the fields. */
    public FieldInfo field(String name) {
        return new FieldInfo(meta.requireField(name));
    }

    /** The primary key field. */
    public FieldInfo pk() {
        return new FieldInfo(meta.pk());
    }

    /**
     * Every relation: forward foreign keys, many-to-many fields, and the reverse sides of both (hidden ones excluded).
     * For a multi-table child, its parent link and the relations it declares or that point at it; its parents'
     * relations and reverse sides are in their own {@code ModelInfo}, although lookups accept them on the child.
     */
    public List<RelationInfo> relations() {
        List<RelationInfo> out = new ArrayList<>();
        if (meta.pk().isParentLink()) {
            out.add(RelationInfo.forward(meta.pk())); // the parent link, a one-to-one to the parent
        }
        for (FieldMeta fk : meta.foreignKeys()) {
            out.add(RelationInfo.forward(fk));
        }
        for (ManyToManyMeta m : meta.manyToMany()) {
            out.add(RelationInfo.manyToMany(m));
        }
        for (ReverseRelation r : registry.reverseRelations(meta)) {
            if (!r.hidden()) {
                out.add(RelationInfo.reverse(r));
            }
        }
        return List.copyOf(out);
    }

    /** A relation by its Java name, accessor name or query name, if there is one. */
    public Optional<RelationInfo> relation(String name) {
        return relations().stream().filter(r -> r.name().equals(name) || r.queryName().equals(name)).findFirst();
    }

    /** The value of a field of {@code instance} (for a foreign key, the target's key). */
    public Object get(Model instance, String field) {
        checkInstance(instance);
        FieldMeta f = meta.requireField(field);
        Object v = f.get(instance);
        return f.isForeignKey() ? ((Ref<?>) v).id() : v;
    }

    /** Sets a field of {@code instance}, converting text and numbers as {@code create(Map)} does. */
    public void set(Model instance, String field, Object value) {
        checkInstance(instance);
        Manager.set(meta.requireField(field), instance, value);
    }

    private void checkInstance(Model instance) {
        if (!meta.type().isInstance(instance)) {
            throw new FieldError(meta.type(), null, "Expected a " + meta.name() + " instance, got "
                    + (instance == null ? "null" : instance.getClass().getSimpleName()));
        }
    }

    /** {@code ModelInfo[Author]}. */
    @Override
    public String toString() {
        return "ModelInfo[" + meta.name() + "]";
    }
}
