package dev.quarry.model;

import dev.quarry.FieldError;
import dev.quarry.ImproperlyConfigured;
import dev.quarry.ManyToMany;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.Defaults;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.ManyToManyField;
import dev.quarry.annotation.Meta;
import dev.quarry.annotation.OnDelete;
import dev.quarry.annotation.OneToOneField;
import dev.quarry.annotation.VersionField;
import dev.quarry.internal.Names;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything Quarry knows about one model class (Django's {@code Options}): table, fields,
 * forward relations, default ordering. Built once per class and shared by every Quarry; the reverse
 * sides depend on which models are registered together, so they live in each Quarry's {@link Registry}.
 */
public final class ModelMeta {
    private static final ClassValue<ModelMeta> CACHE = new ClassValue<>() {
        @Override
        protected ModelMeta computeValue(Class<?> type) {
            return new ModelMeta(type);
        }
    };

    private final Class<?> type;
    private final String name;
    private final String modelName;
    private final String table;
    private final List<String> ordering;
    private final TableOptions tableOptions;
    private final List<FieldMeta> fields;
    private final List<FieldMeta> foreignKeys;
    private final List<ManyToManyMeta> manyToMany;
    private final Map<String, FieldMeta> fieldLookup;
    private final Map<String, ManyToManyMeta> manyToManyLookup;
    private final FieldMeta pk;
    private final FieldMeta version;
    private final MethodHandle constructor;
    /** The accessor quarry-processor generated for this model ({@code Book__Accessor}), or {@code null}. */
    private final dev.quarry.spi.ModelAccessor generated;
    private final FieldMeta[] defaultFields;
    private final Object[] defaultValues;
    private final FieldMeta[] supplied;
    /** The parent of a multi-table child (of a proxy's concrete model), or {@code null}. */
    private final ModelMeta parent;
    /** This model, or the concrete model a proxy stands for. */
    private final ModelMeta concrete;
    private final boolean proxy;
    private static final FieldMeta[] NONE = new FieldMeta[0];
    /** Set while an instance for a loaded row is constructed: its computed defaults are not called. */
    private static final ThreadLocal<Boolean> LOADING = new ThreadLocal<>();

    private ModelMeta(Class<?> type) {
        if (!Model.class.isAssignableFrom(type) || type == Model.class) {
            throw new ImproperlyConfigured(type.getName() + " is not a model: models extend dev.quarry.Model");
        }
        this.type = type;
        this.name = type.getSimpleName();
        this.modelName = Names.modelName(type);
        Meta meta = type.getAnnotation(Meta.class);
        Class<?> concreteParent = Inheritance.concreteParent(type);
        Inheritance.check(type, concreteParent, meta);
        this.proxy = concreteParent != null && meta.proxy();
        ModelMeta base = concreteParent == null ? null : ModelMeta.of(concreteParent);
        this.parent = proxy ? base.parent : base;
        this.concrete = proxy ? base.concrete : this;
        this.ordering = Inheritance.ordering(type);
        this.constructor = Modifier.isAbstract(type.getModifiers()) ? null : Accessors.constructor(type);
        if (proxy) {
            // A proxy is its concrete model seen through another class: the same table and fields.
            this.table = base.table;
            this.pk = base.pk;
            this.version = base.version;
            this.fields = base.fields;
            this.foreignKeys = base.foreignKeys;
            this.manyToMany = base.manyToMany;
            this.fieldLookup = base.fieldLookup;
            this.manyToManyLookup = base.manyToManyLookup;
            this.defaultFields = base.defaultFields;
            this.defaultValues = base.defaultValues;
            this.supplied = base.supplied;
            this.tableOptions = base.tableOptions;
            // Its own accessor makes proxy instances; the shared fields keep the concrete model's accessor.
            this.generated = constructor == null ? null : GeneratedAccessors.find(type);
            return;
        }
        this.table = meta != null && !meta.dbTable().isEmpty() ? meta.dbTable() : Names.snake(name);

        List<FieldMeta> declared = new ArrayList<>();
        List<ManyToManyMeta> m2m = new ArrayList<>();
        Map<String, Field> seen = new LinkedHashMap<>();
        List<Class<?>> chain = new ArrayList<>();
        // A multi-table child's own table holds the fields declared below its parent; the parent's stay there.
        for (Class<?> c = type; c != null && c != Object.class && c != concreteParent; c = c.getSuperclass()) {
            chain.add(0, c);
        }
        for (Class<?> c : chain) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()) {
                    seen.put(f.getName(), f);
                }
            }
        }
        FieldMeta declaredPk = null;
        FieldMeta declaredVersion = null;
        for (Field f : seen.values()) {
            if (f.getDeclaringClass() == Model.class) {
                continue;
            }
            ForeignKey fk = f.getAnnotation(ForeignKey.class);
            ManyToManyField mm = f.getAnnotation(ManyToManyField.class);
            OneToOneField one = f.getAnnotation(OneToOneField.class);
            if (fk != null && one != null) {
                throw new ImproperlyConfigured(name + "." + f.getName() + " has both @ForeignKey and @OneToOneField; "
                        + "keep one (a one-to-one is a unique foreign key)");
            }
            if (fk != null) {
                declared.add(foreignKey(f, fk));
            } else if (one != null) {
                declared.add(relation(f, new FieldMeta.ForeignKeyMeta(
                        ModelChecks.typeArgument(name, f, Ref.class, "OneToOneField"), one.onDelete(), Inheritance.relatedName(one.relatedName(), modelName),
                        Inheritance.relatedName(one.relatedQueryName(), modelName), true), one.nullable(), one.blank(),
                        one.dbColumn(), Defaults.NONE, true));
            } else if (mm != null) {
                m2m.add(manyToMany(f, mm));
            } else {
                FieldMeta fm = FieldFactory.plain(this, f);
                if (fm != null) {
                    if (fm.primaryKey()) {
                        if (declaredPk != null) {
                            throw new ImproperlyConfigured(name + " declares two primary keys: " + declaredPk.name() + " and " + fm.name());
                        }
                        declaredPk = fm;
                    }
                    declared.add(fm);
                    if (f.isAnnotationPresent(VersionField.class)) {
                        if (declaredVersion != null) {
                            throw new ImproperlyConfigured(name + " declares two @VersionField fields: "
                                    + declaredVersion.name() + " and " + fm.name() + "; one version per model");
                        }
                        declaredVersion = fm;
                    }
                } else if (Ref.class.isAssignableFrom(f.getType()) || ManyToMany.class.isAssignableFrom(f.getType())) {
                    throw new ImproperlyConfigured(name + "." + f.getName() + " is a " + f.getType().getSimpleName()
                            + " without @" + (Ref.class.isAssignableFrom(f.getType()) ? "ForeignKey or @OneToOneField"
                            : "ManyToManyField"));
                } else {
                    ModelChecks.unannotated(type, f);
                }
            }
        }
        if (declaredPk != null && parent != null) {
            throw new ImproperlyConfigured(String.format("%s is a multi-table child of %s and declares the primary key %s: "
                    + "a child's key is its parent link %s_ptr_id, which holds %s's key. Remove primaryKey = true",
                    name, parent.name(), declaredPk.name(), parent.modelName(), parent.name()));
        }
        if (declaredPk == null && parent != null) {
            declaredPk = Inheritance.parentLink(this, parent);
            declared.add(0, declaredPk);
        } else if (declaredPk == null) {
            Field idField = seen.get("id");
            if (idField == null || idField.getDeclaringClass() != Model.class) {
                throw new ImproperlyConfigured(name + " hides Model.id with a field that is not its primary key; "
                        + "declare it with primaryKey = true or rename it");
            }
            declaredPk = FieldFactory.autoId(this, idField);
            declared.add(0, declaredPk);
        } else {
            declared.remove(declaredPk);
            declared.add(0, declaredPk);
        }
        this.pk = declaredPk;
        this.version = declaredVersion;
        this.fields = List.copyOf(declared);
        this.foreignKeys = fields.stream().filter(FieldMeta::isForeignKey).toList();
        this.manyToMany = List.copyOf(m2m);
        this.generated = constructor == null ? null : GeneratedAccessors.find(type);
        GeneratedAccessors.attach(generated, fields, manyToMany);
        Map<String, FieldMeta> lookup = new HashMap<>();
        for (FieldMeta f : fields) {
            lookup.put(f.name(), f);
            lookup.put(f.queryName(), f);
            if (f.isForeignKey() || f.isParentLink()) {
                lookup.putIfAbsent(f.column(), f);
            }
        }
        this.fieldLookup = lookup; // never changed after this; a HashMap finds a name faster than Map.copyOf's probing
        Map<String, ManyToManyMeta> mmLookup = new HashMap<>();
        for (ManyToManyMeta m : manyToMany) {
            mmLookup.put(m.name(), m);
            mmLookup.put(m.queryName(), m);
        }
        this.manyToManyLookup = Map.copyOf(mmLookup);
        Inheritance.checkClashes(this);
        List<FieldMeta> withDefault = fields.stream().filter(f -> f.options().hasDefault()).toList();
        this.defaultFields = withDefault.toArray(new FieldMeta[0]);
        this.defaultValues = withDefault.stream().map(f -> f.options().defaultValue()).toArray();
        this.supplied = fields.stream().filter(f -> f.extras().supplier() != null).toArray(FieldMeta[]::new);
        this.tableOptions = TableOptions.read(meta, this);
    }

    /** The metadata of a model class, built on first use. */
    public static ModelMeta of(Class<?> type) {
        return CACHE.get(type);
    }

    private FieldMeta foreignKey(Field f, ForeignKey fk) {
        FieldMeta.ForeignKeyMeta relation = new FieldMeta.ForeignKeyMeta(
                ModelChecks.typeArgument(name, f, Ref.class, "ForeignKey"), fk.onDelete(), Inheritance.relatedName(fk.relatedName(), modelName),
                Inheritance.relatedName(fk.relatedQueryName(), modelName), false, fk.dbConstraint(),
                LimitChoices.method(type, f.getName(), fk.limitChoicesTo()));
        return relation(f, relation, fk.nullable(), fk.blank(), fk.dbColumn(), fk.defaultValue(), fk.unique());
    }

    /** The column of a foreign key or one-to-one field ({@code relation.oneToOne()}, always unique). */
    private FieldMeta relation(Field f, FieldMeta.ForeignKeyMeta relation, boolean nullable, boolean blank,
                               String dbColumn, String defaultValue, boolean unique) {
        Class<?> target = relation.targetClass();
        String column = dbColumn.isEmpty() ? Names.snake(f.getName()) + "_id" : dbColumn;
        Object dflt = null;
        if (!Defaults.NONE.equals(defaultValue)) {
            FieldFactory.Key key = FieldFactory.keyOf(target);
            dflt = FieldValues.forDefault(name + "." + f.getName(), key.type(), key.javaType(), defaultValue);
        }
        FieldMeta.FieldOptions options = new FieldMeta.FieldOptions(nullable, blank, dflt, unique, true,
                List.of(), false, 0, 0, 0, false, false);
        if (relation.onDelete() == OnDelete.SET_NULL && !nullable) {
            throw new ImproperlyConfigured(name + "." + f.getName() + " uses onDelete = SET_NULL but is not nullable; "
                    + "add nullable = true");
        }
        if (relation.onDelete() == OnDelete.SET_DEFAULT && dflt == null) {
            throw new ImproperlyConfigured(name + "." + f.getName() + " uses onDelete = SET_DEFAULT but declares no defaultValue");
        }
        // The column type is the target's key type, known once the target's metadata exists;
        // resolved lazily through the relation to allow mutually referring models.
        return new FieldMeta(this, f, null, options, relation, column, Accessors.getter(f), Accessors.setter(f));
    }

    private ManyToManyMeta manyToMany(Field f, ManyToManyField mm) {
        Class<?> target = ModelChecks.typeArgument(name, f, ManyToMany.class, "ManyToManyField");
        Class<?> through = mm.through() == void.class ? null : mm.through();
        if (through != null && (!Model.class.isAssignableFrom(through) || through == Model.class)) {
            throw new ImproperlyConfigured("@ManyToManyField(through = " + through.getSimpleName() + ".class) on " + name
                    + "." + f.getName() + " names a class that is not a model; a through model extends dev.quarry.Model");
        }
        if (through != null && !mm.dbTable().isEmpty()) {
            throw new ImproperlyConfigured(name + "." + f.getName() + " sets both through and dbTable; the through model "
                    + through.getSimpleName() + " names its own table (@Meta(dbTable = ...))");
        }
        return new ManyToManyMeta(this, f.getName(), target, Inheritance.relatedName(mm.relatedName(), modelName),
                Inheritance.relatedName(mm.relatedQueryName(), modelName),
                mm.dbTable(), Accessors.getter(f), Accessors.setter(f), through, List.of(mm.throughFields()),
                mm.symmetrical());
    }

    /** Whether instances are made and fields read through the accessor quarry-processor generated for this model. */
    public boolean usesGeneratedAccessor() {
        return generated != null;
    }

    /** The accessor quarry-processor generated for this model, or {@code null}. */
    public dev.quarry.spi.ModelAccessor generatedAccessor() {
        return generated;
    }

    /** The model class. */
    public Class<?> type() {
        return type;
    }

    /** The class's simple name ({@code Author}); used in messages. */
    public String name() {
        return name;
    }

    /** Django's model name: the class name lower-cased ({@code author}). */
    public String modelName() {
        return modelName;
    }

    /** The table name. */
    public String table() {
        return table;
    }

    /** The default ordering ({@code @Meta(ordering = ...)}). */
    public List<String> ordering() {
        return ordering;
    }

    /** The table-level constraints of {@code @Meta}: {@code uniqueTogether} and CHECK constraints. */
    public TableOptions tableOptions() {
        return tableOptions;
    }

    /** The concrete fields, primary key first. */
    public List<FieldMeta> fields() {
        return fields;
    }

    /** The foreign keys, in declaration order. */
    public List<FieldMeta> foreignKeys() {
        return foreignKeys;
    }

    /** The many-to-many fields, in declaration order. */
    public List<ManyToManyMeta> manyToMany() {
        return manyToMany;
    }

    /** The primary key field. */
    public FieldMeta pk() {
        return pk;
    }

    /** The {@code @VersionField} of an optimistically locked model, or {@code null}. */
    public FieldMeta versionField() {
        return version;
    }

    /** A concrete field by Java name, snake_case name, or (for foreign keys) column; {@code pk} names the key. */
    public FieldMeta field(String fieldName) {
        if ("pk".equals(fieldName)) {
            return pk;
        }
        return fieldLookup.get(fieldName);
    }

    /** Whether this is a proxy model ({@code @Meta(proxy = true)}): another class over its concrete model's table. */
    public boolean isProxy() {
        return proxy;
    }

    /** Whether this is a Java {@code abstract} class: an abstract base, with no table (Django's {@code abstract = True}). */
    public boolean isAbstract() {
        return constructor == null;
    }

    /** The concrete model whose table this model's rows live in: itself, or the model a proxy stands for. */
    public ModelMeta concrete() {
        return concrete;
    }

    /** The parent of a multi-table child ({@code Place} for {@code Restaurant}), or {@code null}. */
    public ModelMeta parent() {
        return parent;
    }

    /** The multi-table parents, nearest first (empty for a model without one). */
    public List<ModelMeta> parents() {
        List<ModelMeta> out = new ArrayList<>();
        for (ModelMeta p = parent; p != null; p = p.parent) {
            out.add(p);
        }
        return out;
    }

    /** The ancestor whose table holds the field named {@code fieldName} (not this model's), or {@code null}. */
    public ModelMeta ancestorWithField(String fieldName) {
        for (ModelMeta p = parent; p != null; p = p.parent) {
            if (p.field(fieldName) != null || p.manyToMany(fieldName) != null) {
                return p;
            }
        }
        return null;
    }

    /**
     * Every concrete field of an instance, Django's {@code _meta.concrete_fields}: the parents' (farthest first),
     * then this model's own; the same as {@link #fields()} for a model without a multi-table parent.
     */
    public List<FieldMeta> allFields() {
        if (parent == null) {
            return fields;
        }
        List<FieldMeta> all = new ArrayList<>(parent.allFields());
        all.addAll(fields);
        return all;
    }

    /** A concrete field of this model or of a multi-table parent (Restaurant's {@code name}), or {@code null}. */
    public FieldMeta anyField(String fieldName) {
        FieldMeta f = field(fieldName);
        return f != null || parent == null ? f : parent.anyField(fieldName);
    }

    /** A many-to-many field of this model or of a multi-table parent, or {@code null}. */
    public ManyToManyMeta anyManyToMany(String fieldName) {
        ManyToManyMeta m = manyToMany(fieldName);
        return m != null || parent == null ? m : parent.anyManyToMany(fieldName);
    }

    /** A concrete field, or a {@link FieldError} listing the choices. */
    public FieldMeta requireField(String fieldName) {
        FieldMeta f = field(fieldName);
        if (f == null) {
            throw new FieldError(type, fieldName, String.format("%s has no field named '%s'. Choices are: %s", name, fieldName,
                    String.join(", ", fields.stream().map(FieldMeta::queryName).toList())));
        }
        return f;
    }

    /** A many-to-many field declared on this model, by Java or snake_case name. */
    public ManyToManyMeta manyToMany(String fieldName) {
        return manyToManyLookup.get(fieldName);
    }

    /**
     * A new instance for a row read from the database: as {@link #newInstance()}, without calling the computed
     * defaults ({@code defaultSupplier}), whose values the row's would replace (Django's {@code from_db} passes the
     * row's values to {@code __init__}, so a callable default is not called either).
     */
    public Object newLoadedInstance() {
        if (supplied.length == 0) {
            return newInstance();
        }
        LOADING.set(Boolean.TRUE);
        try {
            return newInstance();
        } finally {
            LOADING.remove();
        }
    }

    /** A new, empty instance. */
    public Object newInstance() {
        if (generated != null) {
            return generated.newInstance();
        }
        try {
            return (Object) constructor.invokeExact();
        } catch (Throwable t) {
            throw Accessors.rethrow(t);
        }
    }

    /**
     * Gives a new instance every declared default (Django sets them in {@code Model.__init__}):
     * called from {@code Model}'s constructor, so field initializers, which run after it, still win.
     * The (field, value) pairs are converted once, when this metadata is built.
     */
    public void applyDefaults(Object instance) {
        FieldMeta[] targets = defaultFields;
        for (int i = 0; i < targets.length; i++) {
            FieldMeta f = targets[i];
            if (f.isForeignKey()) {
                dev.quarry.internal.ModelAccess.get().setRefId(f.get(instance), defaultValues[i]);
            } else {
                // A mutable default (bytes) is copied, so instances never share it.
                Object v = defaultValues[i];
                f.set(instance, v instanceof byte[] b ? b.clone() : f.converter() == null ? v
                        : Converters.fresh(f.converter(), v));
            }
        }
        // Computed defaults (Django's callable default): called once per new instance, checked as assignment.
        for (FieldMeta f : supplied.length == 0 || LOADING.get() != null ? NONE : supplied) {
            f.set(instance, FieldValues.forField(f, f.extras().supplier().get()));
        }
    }

    /** The instance's primary key value, or {@code null} before it is saved. */
    public Object pkValue(Object instance) {
        return pk.get(instance);
    }

    /** This model's label in messages and deletion counts. */
    public String label() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
