package dev.quarry.model;

import dev.quarry.internal.Names;
import java.lang.invoke.MethodHandle;

/**
 * A many-to-many field and its automatic through table {@code <table>_<field>}, whose two
 * columns ({@code book_id}, {@code tag_id}) form a unique pair.
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

    ManyToManyMeta(ModelMeta source, String name, Class<?> targetClass, String relatedName, String relatedQueryName,
                   String dbTable, MethodHandle getter, MethodHandle setter) {
        this.source = source;
        this.name = name;
        this.queryName = Names.snake(name);
        this.targetClass = targetClass;
        this.relatedName = relatedName;
        this.relatedQueryName = relatedQueryName;
        this.throughTable = dbTable.isEmpty() ? source.table() + "_" + queryName : dbTable;
        this.getter = getter;
        this.setter = setter;
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

    /** The automatic through table ({@code book_tags}). */
    public String throughTable() {
        return throughTable;
    }

    private boolean selfReferential() {
        return targetClass == source.type();
    }

    /** The through column that refers to the declaring model ({@code book_id}). */
    public String sourceColumn() {
        return (selfReferential() ? "from_" : "") + source.modelName() + "_id";
    }

    /** The through column that refers to the target model ({@code tag_id}). */
    public String targetColumn() {
        return (selfReferential() ? "to_" : "") + target().modelName() + "_id";
    }

    /** The {@code ManyToMany} handle held by an instance. */
    public Object get(Object instance) {
        try {
            return getter.invokeExact(instance);
        } catch (Throwable t) {
            throw Accessors.rethrow(t);
        }
    }

    /** Sets the {@code ManyToMany} handle of an instance. */
    public void set(Object instance, Object value) {
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
