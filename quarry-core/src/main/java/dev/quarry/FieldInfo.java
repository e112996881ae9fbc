package dev.quarry;

import dev.quarry.model.FieldMeta;

/** A read-only description of one concrete field (column) of a model. */
public final class FieldInfo {
    private final FieldMeta field;

    FieldInfo(FieldMeta field) {
        this.field = field;
    }

    /** The Java field name ({@code publishedDate}). */
    public String name() {
        return field.name();
    }

    /** The snake_case name used in lookups ({@code published_date}). */
    public String queryName() {
        return field.queryName();
    }

    /** The column name ({@code published_date}, {@code author_id}). */
    public String column() {
        return field.column();
    }

    /** The Java type of the field ({@code Ref} for a foreign key). */
    public Class<?> javaType() {
        return field.javaType();
    }

    /** Django's name for the field's kind: {@code AutoField}, {@code CharField}, {@code ForeignKey}, ... */
    public String kind() {
        if (field.isParentLink() || field.isOneToOne()) {
            return "OneToOneField";
        }
        if (field.isForeignKey()) {
            return "ForeignKey";
        }
        if (field.options().format() != null) {
            return switch (field.options().format()) {
                case EMAIL -> "EmailField";
                case URL -> "URLField";
                case SLUG, UNICODE_SLUG -> "SlugField";
                default -> "GenericIPAddressField";
            };
        }
        return switch (field.type()) {
            case AUTO -> "AutoField";
            case CHAR -> "CharField";
            case TEXT -> "TextField";
            case INTEGER -> "IntegerField";
            case SMALLINT -> "SmallIntegerField";
            case POSITIVE_SMALLINT -> "PositiveSmallIntegerField";
            case POSITIVE_INTEGER -> "PositiveIntegerField";
            case BIGINT -> "BigIntegerField";
            case BOOLEAN -> "BooleanField";
            case FLOAT -> "FloatField";
            case DECIMAL -> "DecimalField";
            case DATE -> "DateField";
            case DATETIME -> "DateTimeField";
            case UUID -> "UUIDField";
            case LOCAL_DATETIME -> "DateTimeField";
            case TIME -> "TimeField";
            case DURATION -> "DurationField";
            case BINARY -> "BinaryField";
            case JSON -> "JSONField";
            case ARRAY -> "ArrayField";
        };
    }

    /** Whether the column accepts NULL. */
    public boolean nullable() {
        return field.nullable();
    }

    /** Whether this is the primary key. */
    public boolean primaryKey() {
        return field.primaryKey();
    }

    /** Whether the column is unique. */
    public boolean unique() {
        return field.options().unique();
    }

    /** Whether this field is a foreign key. */
    public boolean isForeignKey() {
        return field.isForeignKey();
    }

    /**
     * Whether this is a multi-table child's parent link ({@code place_ptr_id}): its primary key, a one-to-one to
     * the parent's row, whose Java value is the key itself.
     */
    public boolean isParentLink() {
        return field.isParentLink();
    }

    /**
     * Whether users edit the field (Django's {@code editable}): {@code false} when declared so and for
     * {@code autoNow}/{@code autoNowAdd} fields; {@code fullClean()} then skips its null, blank and choices checks.
     */
    public boolean editable() {
        return field.extras().editable();
    }

    /** The column's collation (Django's {@code db_collation}), or empty for the table's default. */
    public String dbCollation() {
        return field.extras().collation();
    }

    /** The maximum length of a CharField, or 0. */
    public int maxLength() {
        return field.options().maxLength();
    }

    /**
     * The allowed values with their labels, in declaration order (Django's {@code choices}): an enum
     * field's constants (limited to its declared {@code choices}, if any) with their {@link Labeled}
     * labels, or the declared choices of another field labelled by themselves; empty when any value is allowed.
     */
    public java.util.Map<Object, String> choices() {
        java.util.List<String> declared = field.options().choices();
        java.util.Map<Object, String> out = new java.util.LinkedHashMap<>();
        if (field.converter() != null && !field.converter().choices().isEmpty()) {
            field.converter().choices().forEach((value, label) -> {
                if (declared.isEmpty() || declared.contains(String.valueOf(field.toStored(value)))) {
                    out.put(value, label);
                }
            });
        } else {
            declared.forEach(c -> out.put(c, c));
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /** {@code Model.field}. */
    @Override
    public String toString() {
        return field.toString();
    }
}
