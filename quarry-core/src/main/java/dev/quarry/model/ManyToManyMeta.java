package dev.quarry.model;

import dev.quarry.internal.Names;
import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * A many-to-many field and its link rows: the automatic through table {@code <table>_<field>},
 * whose two columns ({@code book_id}, {@code tag_id}) form a unique pair, or the table of a
 * {@code through} model, whose two foreign keys ({@link ThroughLink}) play those columns.
 */
public final class ManyToManyMeta {
    private final ModelMeta source;
    private final String name;
    private final String queryName;
    private final Class<?> targetClass;
    private final String relatedName;
    private final String relatedQueryName;
    private final String throughTable;
    private final MethodHandle getter;
    private final MethodHandle setter;
    /** The model's generated accessor and this field's index in it, set once while the model's metadata is built. */
    private dev.quarry.spi.ModelAccessor generated;
    private int index;
    private final Class<?> throughClass;
    private final List<String> throughFields;
    private final boolean symmetrical;
    private volatile ThroughLink link;

    ManyToManyMeta(ModelMeta source, String name, Class<?> targetClass, String relatedName, String relatedQueryName,
                   String dbTable, MethodHandle getter, MethodHandle setter) {
        this(source, name, targetClass, relatedName, relatedQueryName, dbTable, getter, setter, null, List.of(), true);
    }

    ManyToManyMeta(ModelMeta source, String name, Class<?> targetClass, String relatedName, String relatedQueryName,
                   String dbTable, MethodHandle getter, MethodHandle setter, Class<?> throughClass,
                   List<String> throughFields, boolean symmetrical) {
        this.source = source;
        this.name = name;
        this.queryName = Names.snake(name);
        this.targetClass = targetClass;
        // Django: a symmetrical relation of a model to itself has no reverse side (related_name '<field>_rel_+').
        this.symmetrical = symmetrical && targetClass == source.type();
        this.relatedName = this.symmetrical ? name + "_rel_+" : relatedName;
        this.relatedQueryName = relatedQueryName;
        this.throughTable = dbTable.isEmpty() ? source.table() + "_" + queryName : dbTable;
        this.getter = getter;
        this.setter = setter;
        this.throughClass = throughClass;
        this.throughFields = List.copyOf(throughFields);
    }

    /** Whether link rows live in a declared {@code through} model rather than the automatic table. */
    public boolean hasThroughModel() {
        return throughClass != null;
    }

    /** The {@code through} model, or {@code null} for the automatic table. */
    public ModelMeta throughModel() {
        return throughClass == null ? null : ModelMeta.of(throughClass);
    }

    /** The {@code through} model class, or {@code null} for the automatic table. */
    public Class<?> throughClass() {
        return throughClass;
    }

    /**
     * The through model's keys to each side, found on first use; throws {@code ImproperlyConfigured}
     * naming both models when they are missing or ambiguous. {@code null} for the automatic table.
     */
    public ThroughLink link() {
        if (throughClass == null) {
            return null;
        }
        ThroughLink l = link;
        if (l == null) {
            l = ThroughLink.resolve(this, ModelMeta.of(throughClass), throughFields);
            link = l;
        }
        return l;
    }

    /** Whether adding b to a's relation adds a to b's too: a relation of a model to itself declared symmetrical. */
    public boolean symmetrical() {
        return symmetrical;
    }

    /** The model that declares the field. */
    public ModelMeta source() {
        return source;
    }

    /** The related model. */
    public ModelMeta target() {
        return ModelMeta.of(targetClass);
    }

    /** The related model class. */
    public Class<?> targetClass() {
        return targetClass;
    }

    /** The Java field name ({@code tags}). */
    public String name() {
        return name;
    }

    /** The snake_case name lookups use ({@code tags}). */
    public String queryName() {
        return queryName;
    }

    /** The declared related name, or empty. */
    public String relatedName() {
        return relatedName;
    }

    /** The declared related query name, or empty. */
    public String relatedQueryName() {
        return relatedQueryName;
    }

    /** The table of the link rows: the automatic through table ({@code book_tags}) or the through model's. */
    public String throughTable() {
        return throughClass == null ? throughTable : throughModel().table();
    }

    private boolean selfReferential() {
        return targetClass == source.type();
    }

    /** The through column that refers to the declaring model ({@code book_id}). */
    public String sourceColumn() {
        if (throughClass != null) {
            return link().sourceKey().column();
        }
        return (selfReferential() ? "from_" : "") + source.modelName() + "_id";
    }

    /** The through column that refers to the target model ({@code tag_id}). */
    public String targetColumn() {
        if (throughClass != null) {
            return link().targetKey().column();
        }
        return (selfReferential() ? "to_" : "") + target().modelName() + "_id";
    }

    void useGenerated(dev.quarry.spi.ModelAccessor accessor, int slot) {
        this.generated = accessor;
        this.index = slot;
    }

    /** Whether reads and writes go through the model's generated accessor rather than reflection. */
    public boolean usesGeneratedAccessor() {
        return generated != null;
    }

    /** The {@code ManyToMany} handle held by an instance. */
    public Object get(Object instance) {
        if (generated != null) {
            return generated.get(instance, index);
        }
        try {
            return getter.invokeExact(instance);
        } catch (Throwable t) {
            throw Accessors.rethrow(t);
        }
    }

    /** Sets the {@code ManyToMany} handle of an instance. */
    public void set(Object instance, Object value) {
        if (generated != null) {
            generated.set(instance, index, value);
            return;
        }
        try {
            setter.invokeExact(instance, value);
        } catch (Throwable t) {
            throw Accessors.rethrow(t);
        }
    }

    /** The label of the through table in deletion counts ({@code Book_tags}). */
    public String label() {
        return source.name() + "_" + name;
    }

    @Override
    public String toString() {
        return source.name() + "." + name;
    }
}
