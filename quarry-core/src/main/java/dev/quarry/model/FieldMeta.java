package dev.quarry.model;

import dev.quarry.InvalidValueError;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.OnDelete;
import dev.quarry.spi.FieldType;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Field;
import java.util.List;

/**
 * One concrete column of a model: its names, type, options and fast accessors. A foreign key is
 * a concrete column too ({@code author_id}); its {@link #relation()} says where it points.
 */
public final class FieldMeta {
    private final ModelMeta model;
    private final String name;
    private final String queryName;
    private final String column;
    private FieldType type;
    private final Class<?> javaType;
    private final FieldOptions options;
    private final ForeignKeyMeta relation;
    private final MethodHandle getter;
    private final MethodHandle setter;
    /** The model's generated accessor and this field's index in it, set once while the model's metadata is built. */
    private dev.quarry.spi.ModelAccessor generated;
    private int index;
    private final ValueConverter converter;
    /** Whether this is a multi-table child's parent link: its key, holding the parent's key, not a {@code Ref}. */
    private final boolean parentLink;

    FieldMeta(ModelMeta model, Field field, FieldType type, FieldOptions options, ForeignKeyMeta relation,
              String column, MethodHandle getter, MethodHandle setter) {
        this(model, field, type, options, relation, column, getter, setter, null);
    }

    FieldMeta(ModelMeta model, Field field, FieldType type, FieldOptions options, ForeignKeyMeta relation,
              String column, MethodHandle getter, MethodHandle setter, ValueConverter converter) {
        this.model = model;
        this.name = field == null ? "id" : field.getName();
        this.queryName = dev.quarry.internal.Names.snake(name);
        this.column = column;
        this.type = type;
        this.javaType = field == null ? Long.class : field.getType();
        this.options = options;
        this.relation = relation;
        this.getter = getter;
        this.setter = setter;
        this.converter = converter;
        this.parentLink = false;
    }

    private FieldMeta(ModelMeta model, String name, FieldMeta parentPk, FieldOptions options, ForeignKeyMeta relation,
                      String column) {
        this.model = model;
        this.name = name;
        this.queryName = dev.quarry.internal.Names.snake(name);
        this.column = column;
        this.type = parentPk.type().referenceType();
        this.javaType = parentPk.javaType;
        this.options = options;
        this.relation = relation;
        this.getter = parentPk.getter;
        this.setter = parentPk.setter;
        this.converter = parentPk.converter;
        this.parentLink = true;
    }

    /** A multi-table child's parent link, read and written through the parent's key field ({@link Inheritance}). */
    static FieldMeta parentLink(ModelMeta child, String name, FieldMeta parentPk, FieldOptions options,
                                ForeignKeyMeta relation, String column) {
        return new FieldMeta(child, name, parentPk, options, relation, column);
    }

    /** The model that declares this field. */
    public ModelMeta model() {
        return model;
    }

    /** The Java field name ({@code publishedDate}). */
    public String name() {
        return name;
    }

    /** The snake_case name used in lookups ({@code published_date}). */
    public String queryName() {
        return queryName;
    }

    /** The column name ({@code published_date}, {@code author_id}). */
    public String column() {
        return column;
    }

    /** The storage kind; for a foreign key, the kind of the target's primary key. */
    public FieldType type() {
        FieldType t = type;
        if (t == null) {
            t = relation.target().pk().type().referenceType();
            type = t;
        }
        return t;
    }

    /** The Java type of the field ({@code Ref} for a foreign key). */
    public Class<?> javaType() {
        return javaType;
    }

    /** The declared options. */
    public FieldOptions options() {
        return options;
    }

    /** Whether the column accepts NULL. */
    public boolean nullable() {
        return options.nullable();
    }

    /** Whether this is the primary key. */
    public boolean primaryKey() {
        return options.primaryKey();
    }

    /** Whether this is the automatic or declared auto-increment key. */
    public boolean auto() {
        return type == FieldType.AUTO;
    }

    /** Where this foreign key points, or {@code null} for a plain column. */
    public ForeignKeyMeta relation() {
        return relation;
    }

    /**
     * Whether this field is a foreign key held in a {@code Ref} (a one-to-one field is one too; a parent
     * link, whose Java value is the key itself, is not).
     */
    public boolean isForeignKey() {
        return relation != null && !parentLink;
    }

    /**
     * Whether this is a multi-table child's parent link ({@code place_ptr_id}): the child's primary key and a
     * one-to-one to its parent's row, whose Java value is the key (shared with the parent's key field).
     */
    public boolean isParentLink() {
        return parentLink;
    }

    /** Whether this field is a {@code @OneToOneField}. */
    public boolean isOneToOne() {
        return relation != null && relation.oneToOne();
    }

    void useGenerated(dev.quarry.spi.ModelAccessor accessor, int slot) {
        this.generated = accessor;
        this.index = slot;
    }

    /** Whether reads and writes go through the model's generated accessor rather than reflection. */
    public boolean usesGeneratedAccessor() {
        return generated != null;
    }

    /** The Java field's value: the {@code Ref} for a foreign key. */
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

    /** Sets the Java field. */
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

    /**
     * Sets the field from a user's value, as {@code create()} does: converted by {@link FieldValues}
     * (text to the field's type, numbers between widths with a range check, enums by name). A foreign
     * key takes a target instance, a {@code Ref}, or a key in any form its target's key converts from.
     * Throws {@link InvalidValueError} naming the model and field when the value does not fit.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void assign(Object instance, Object value) {
        if (!isForeignKey()) {
            set(instance, FieldValues.forField(this, value));
            return;
        }
        Ref ref = (Ref) get(instance);
        if (value instanceof Model m) {
            if (!relation.targetClass().isInstance(m)) {
                throw new InvalidValueError(model.type(), name, m, "expected a "
                        + relation.targetClass().getSimpleName() + " instance");
            }
            ref.set(m);
        } else if (value instanceof Ref<?> r) {
            dev.quarry.internal.ModelAccess.get().setRefId(ref, FieldValues.forKey(this, r.id()));
        } else {
            dev.quarry.internal.ModelAccess.get().setRefId(ref, FieldValues.forKey(this, value));
        }
    }

    /**
     * How the field's Java values map to its column when they are not the kind's own type (an enum, an
     * {@code OffsetDateTime}, a user's converted type), or {@code null}.
     */
    public ValueConverter converter() {
        return converter;
    }

    /**
     * What the column stores for a value of this field's Java type (an enum's name or code, ...): the
     * value itself when the field has no converter or {@code value} is {@code null}. An
     * {@link InvalidValueError} names the model and field when the converter refuses it.
     */
    public Object toStored(Object value) {
        if (converter == null || value == null) {
            return value;
        }
        try {
            return converter.toStored(value);
        } catch (Conversions.Rejected r) {
            throw new InvalidValueError(model.type(), name, value, r.getMessage());
        }
    }

    /**
     * The field's Java value for what its column stores (the enum constant for a stored name, ...): the
     * stored value itself when the field has no converter. An {@link InvalidValueError} names the model and
     * field when no Java value has that stored form (a name no constant has, written by something else).
     */
    public Object fromStored(Object stored) {
        if (converter == null || stored == null) {
            return stored;
        }
        try {
            return converter.fromStored(stored);
        } catch (Conversions.Rejected r) {
            throw new InvalidValueError(model.type(), name, stored, "the column holds a value that is not a "
                    + converter.javaType().getSimpleName() + " (" + r.getMessage() + ")");
        }
    }

    /** The database features of this field ({@link Extras#NONE} for most). */
    public Extras extras() {
        return options.extras();
    }

    /** The Java type of the field, boxed for a primitive ({@code Integer} for {@code int}): the class of its values. */
    public Class<?> boxedType() {
        return Conversions.boxed(javaType);
    }

    /** Whether the Java field is a primitive and so cannot hold NULL. */
    public boolean primitive() {
        return javaType.isPrimitive();
    }

    @Override
    public String toString() {
        return model.name() + "." + name;
    }

    /**
     * Where a foreign key points and what deleting the target does; {@code oneToOne} for a
     * {@code @OneToOneField}, whose reverse side is one object; {@code dbConstraint} whether the schema
     * declares the FOREIGN KEY constraint; {@code limitChoicesTo} the static method returning the
     * filter of allowed targets, or {@code null}.
     */
    public record ForeignKeyMeta(Class<?> targetClass, OnDelete onDelete, String relatedName, String relatedQueryName,
                                 boolean oneToOne, boolean dbConstraint, java.lang.reflect.Method limitChoicesTo) {
        /** A many-to-one relation (a {@code @ForeignKey}). */
        public ForeignKeyMeta(Class<?> targetClass, OnDelete onDelete, String relatedName, String relatedQueryName) {
            this(targetClass, onDelete, relatedName, relatedQueryName, false);
        }

        /** A relation with its constraint and no limit on its choices. */
        public ForeignKeyMeta(Class<?> targetClass, OnDelete onDelete, String relatedName, String relatedQueryName,
                              boolean oneToOne) {
            this(targetClass, onDelete, relatedName, relatedQueryName, oneToOne, true, null);
        }

        /** The target model's metadata. */
        public ModelMeta target() {
            return ModelMeta.of(targetClass);
        }
    }

    /**
     * The options every field annotation shares, already parsed; {@code defaultValue} is converted to
     * the field's Java type (a foreign key's to its target's key type), or {@code null} for none;
     * {@code format} is the text format {@code fullClean()} checks (EmailField, ...), or {@code null}.
     */
    public record FieldOptions(boolean nullable, boolean blank, Object defaultValue, boolean unique,
                               boolean dbIndex, List<String> choices, boolean primaryKey, int maxLength,
                               int maxDigits, int decimalPlaces, boolean autoNow, boolean autoNowAdd,
                               TextFormat format, Extras extras) {
        /** The options of a field; the choices are copied. */
        public FieldOptions {
            choices = List.copyOf(choices);
        }

        /** The options of a field without the options of {@link Extras}. */
        public FieldOptions(boolean nullable, boolean blank, Object defaultValue, boolean unique, boolean dbIndex,
                            List<String> choices, boolean primaryKey, int maxLength, int maxDigits, int decimalPlaces,
                            boolean autoNow, boolean autoNowAdd, TextFormat format) {
            this(nullable, blank, defaultValue, unique, dbIndex, choices, primaryKey, maxLength, maxDigits, decimalPlaces,
                    autoNow, autoNowAdd, format, Extras.NONE);
        }

        /** The options of a field without a text format. */
        public FieldOptions(boolean nullable, boolean blank, Object defaultValue, boolean unique, boolean dbIndex,
                            List<String> choices, boolean primaryKey, int maxLength, int maxDigits, int decimalPlaces,
                            boolean autoNow, boolean autoNowAdd) {
            this(nullable, blank, defaultValue, unique, dbIndex, choices, primaryKey, maxLength, maxDigits, decimalPlaces,
                    autoNow, autoNowAdd, null);
        }

        /** Whether a default value was declared ({@code defaultValue} other than {@code Defaults.NONE}). */
        public boolean hasDefault() {
            return defaultValue != null;
        }
    }

    /**
     * The database features of a field (issue 10): an array's element kind and maximum size, the column's
     * collation, the database default ({@code dbDefault}, in the field's Java type, or {@code dbDefaultNow}),
     * the supplier of a computed default, and whether the field is editable.
     *
     * @param arrayOf the element kind of an {@code @ArrayField}, or {@code null}
     * @param arraySize the maximum number of elements of an array, 0 for no limit
     * @param collation the column's collation, or empty
     * @param dbDefault the database default as a Java value of the field, or {@code null}
     * @param dbDefaultNow whether the database default is the current time
     * @param supplier the computed default, or {@code null}
     * @param editable Django's {@code editable}
     */
    public record Extras(FieldType arrayOf, int arraySize, String collation, Object dbDefault, boolean dbDefaultNow,
                         java.util.function.Supplier<?> supplier, boolean editable) {
        /** No array, collation, database default or supplier; editable. */
        public static final Extras NONE = new Extras(null, 0, "", null, false, null, true);

        /** Whether the database supplies a value when an insert leaves the column out. */
        public boolean hasDbDefault() {
            return dbDefault != null || dbDefaultNow;
        }
    }
}
