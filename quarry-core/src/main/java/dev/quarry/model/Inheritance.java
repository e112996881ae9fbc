package dev.quarry.model;

import dev.quarry.ImproperlyConfigured;
import dev.quarry.Model;
import dev.quarry.annotation.Meta;
import dev.quarry.annotation.OnDelete;
import dev.quarry.internal.Names;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;

/**
 * Which kind of inheritance a model class uses, checked at start-up (Django's three kinds): a Java
 * {@code abstract} class between a model and {@link Model} shares its fields, default ordering and
 * relations as an abstract base class; a class extending a concrete model is either a proxy
 * ({@code @Meta(proxy = true)}: same table) or a multi-table child ({@code @Meta(multiTable = true)}:
 * a table of its own whose primary key is the parent link {@code <parent>_ptr_id}). A concrete
 * subclass that says neither is refused, naming both classes and the fixes.
 */
final class Inheritance {
    private Inheritance() {}

    /** The nearest concrete model class {@code type} extends, or {@code null} when only abstract bases lie between. */
    static Class<?> concreteParent(Class<?> type) {
        for (Class<?> c = type.getSuperclass(); c != null && c != Model.class; c = c.getSuperclass()) {
            if (!Modifier.isAbstract(c.getModifiers())) {
                return c;
            }
        }
        return null;
    }

    /** Refuses a subclass of a concrete model that is neither a proxy nor a multi-table child, and contradictory options. */
    static void check(Class<?> type, Class<?> parent, Meta meta) {
        boolean proxy = meta != null && meta.proxy();
        boolean multiTable = meta != null && meta.multiTable();
        String name = type.getSimpleName();
        if (proxy && multiTable) {
            throw new ImproperlyConfigured(String.format("%s sets both proxy and multiTable in @Meta: a proxy shares the "
                    + "table of %s, a multi-table child has its own; keep one", name,
                    parent == null ? "its parent" : parent.getSimpleName()));
        }
        if (parent == null && (proxy || multiTable)) {
            String base = type.getSuperclass() == Model.class ? "Model" : type.getSuperclass().getSimpleName();
            throw new ImproperlyConfigured(String.format("%s sets @Meta(%s = true) but extends no concrete model (%s %s): "
                    + "a %s needs a concrete parent model. Extend a concrete model, or remove %s from @Meta",
                    name, proxy ? "proxy" : "multiTable", base, type.getSuperclass() == Model.class ? "is Quarry's base class"
                            : "is abstract", proxy ? "proxy" : "multi-table child", proxy ? "proxy" : "multiTable"));
        }
        if (parent != null && !proxy && !multiTable) {
            String p = parent.getSimpleName();
            throw new ImproperlyConfigured(String.format("%s extends the concrete model %s but does not say how: add "
                    + "@Meta(multiTable = true) to %s for multi-table inheritance (a table of its own, joined to %s's by "
                    + "the parent link %s_ptr_id), @Meta(proxy = true) for a proxy (%s's table and rows, its own class), "
                    + "or make %s abstract to share its fields (a Django abstract base class)",
                    name, p, name, p, Names.modelName(parent), p, p));
        }
        if (proxy) {
            for (Class<?> c = type; c != parent; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers()) && !f.isSynthetic()
                            && FieldFactory.isAnnotated(f)) {
                        throw new ImproperlyConfigured(String.format("Proxy model %s declares the field %s, but a proxy "
                                + "shares the table of %s and cannot add columns: move %s to %s, or make %s a "
                                + "@Meta(multiTable = true) child", name, f.getName(), parent.getSimpleName(), f.getName(),
                                parent.getSimpleName(), name));
                    }
                }
            }
        }
        if (multiTable && ModelMeta.of(parent).isProxy()) {
            throw new ImproperlyConfigured(String.format("%s is a multi-table child of the proxy %s: a proxy has no table "
                    + "to link to. Extend %s's concrete model %s instead", name, parent.getSimpleName(),
                    parent.getSimpleName(), ModelMeta.of(parent).concrete().name()));
        }
    }

    /**
     * The parent link of a multi-table child (Django's {@code <parent>_ptr}): its primary key, a column
     * {@code <parent>_ptr_id} holding the parent row's key, one-to-one with the parent (deleting the
     * parent deletes the child). In Java it is the parent's key field, which the child inherits.
     */
    static FieldMeta parentLink(ModelMeta child, ModelMeta parent) {
        FieldMeta parentPk = parent.pk();
        String name = parent.modelName() + "Ptr";
        FieldMeta.FieldOptions options = new FieldMeta.FieldOptions(false, true, null, true, false, java.util.List.of(),
                true, 0, 0, 0, false, false);
        FieldMeta.ForeignKeyMeta relation = new FieldMeta.ForeignKeyMeta(parent.type(), OnDelete.CASCADE, "", "", true);
        return FieldMeta.parentLink(child, name, parentPk, options, relation, parent.modelName() + "_ptr_id");
    }

    /**
     * Refuses a field of a multi-table child named as a field of a parent (Django raises FieldError when the class is made): lookups and
     * {@code create(...)} could not tell them apart, and the Java field would hide the parent's.
     */
    static void checkClashes(ModelMeta child) {
        if (child.parent() == null || child.isProxy()) {
            return;
        }
        java.util.List<FieldMeta> own = child.fields().subList(1, child.fields().size());
        for (FieldMeta f : own) {
            for (String name : java.util.List.of(f.name(), f.queryName())) {
                FieldMeta inherited = child.parent().anyField(name);
                if (inherited != null) {
                    throw new ImproperlyConfigured(String.format("%s clashes with %s, which %s inherits: a multi-table "
                            + "child cannot declare a field named as a field of its parent. Rename %s", f, inherited,
                            child.name(), f));
                }
            }
        }
        for (ManyToManyMeta m : child.manyToMany()) {
            if (child.parent().anyField(m.name()) != null || child.parent().anyManyToMany(m.name()) != null) {
                throw new ImproperlyConfigured(String.format("%s clashes with a field of %s, which %s inherits. Rename %s",
                        m, child.parent().name(), child.name(), m));
            }
        }
    }

    /** The {@code %(class)s} placeholder of an inherited relation's related name, as the declaring model's name. */
    static String relatedName(String declared, String modelName) {
        return declared.replace("%(class)s", modelName);
    }

    /** The default ordering of the nearest class (this one, an abstract base or a parent) that declares one. */
    static List<String> ordering(Class<?> type) {
        for (Class<?> c = type; c != null && c != Model.class; c = c.getSuperclass()) {
            Meta m = c.getAnnotation(Meta.class);
            if (m != null && m.ordering().length > 0) {
                return List.of(m.ordering());
            }
        }
        return List.of();
    }
}
