package dev.quarry.spi;

/** The storage kinds of model fields, which each backend maps to a column type and a reader. */
public enum FieldType {
    /** An automatically assigned whole-number primary key ({@code AutoField}). */
    AUTO,
    /** A string with a maximum length ({@code CharField}). */
    CHAR,
    /** A string of any length ({@code TextField}). */
    TEXT,
    /** A 32-bit whole number. */
    INTEGER,
    /** A 16-bit whole number. */
    SMALLINT,
    /** A 16-bit whole number of at least 0. */
    POSITIVE_SMALLINT,
    /** A 32-bit whole number of at least 0. */
    POSITIVE_INTEGER,
    /** A 64-bit whole number. */
    BIGINT,
    /** True or false. */
    BOOLEAN,
    /** A double-precision floating-point number. */
    FLOAT,
    /** An exact decimal number with a number of digits and of decimal places ({@code BigDecimal}). */
    DECIMAL,
    /** A calendar date ({@code LocalDate}). */
    DATE,
    /** A point in time ({@code Instant}), stored in UTC. */
    DATETIME,
    /** A {@code java.util.UUID}, in a native column where the database has one. */
    UUID,
    /** A date and time with no zone ({@code LocalDateTime}), stored as written. */
    LOCAL_DATETIME,
    /** A time of day ({@code LocalTime}). */
    TIME,
    /** A length of time ({@code Duration}), stored as whole microseconds. */
    DURATION,
    /** Raw bytes ({@code byte[]}). */
    BINARY,
    /** A JSON document ({@link JsonText}), mapped to the field's Java type by a {@link JsonCodec}. */
    JSON,
    /**
     * An array of another kind ({@code List}, see {@code @ArrayField}), stored as {@link SqlArray}; only on
     * backends with {@link Feature#ARRAY_FIELD}.
     */
    ARRAY;

    /** Whether values of this kind are whole numbers. */
    public boolean isIntegral() {
        return switch (this) {
            case AUTO, INTEGER, SMALLINT, POSITIVE_SMALLINT, POSITIVE_INTEGER, BIGINT -> true;
            default -> false;
        };
    }

    /** Whether values of this kind are dates or dates with times, from which {@code __year} and the like extract parts. */
    public boolean hasDate() {
        return this == DATE || this == DATETIME || this == LOCAL_DATETIME;
    }

    /** Whether values of this kind are strings. */
    public boolean isText() {
        return this == CHAR || this == TEXT;
    }

    /**
     * The smallest whole number a column of this kind holds on every backend (Django's
     * {@code integer_field_range}: {@code 0} for the positive kinds); {@link Long#MIN_VALUE} for the
     * other kinds.
     */
    public long minValue() {
        return switch (this) {
            case SMALLINT -> Short.MIN_VALUE;
            case INTEGER -> Integer.MIN_VALUE;
            case POSITIVE_SMALLINT, POSITIVE_INTEGER -> 0;
            default -> Long.MIN_VALUE;
        };
    }

    /** The largest whole number a column of this kind holds on every backend; {@link Long#MAX_VALUE} for the other kinds. */
    public long maxValue() {
        return switch (this) {
            case SMALLINT, POSITIVE_SMALLINT -> Short.MAX_VALUE;
            case INTEGER, POSITIVE_INTEGER -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
    }

    /** The type of a column that refers to a primary key of this kind. */
    public FieldType referenceType() {
        return this == AUTO ? BIGINT : this;
    }

    /**
     * The standard SQL name of this kind without modifiers, as PostgreSQL spells it ({@code text} for any
     * string, {@code numeric} for any decimal, {@code timestamp with time zone}), for casts; {@code null} for
     * {@link #ARRAY}, whose type depends on its element.
     */
    public String standardSqlName() {
        return switch (this) {
            case AUTO, BIGINT, DURATION -> "bigint";
            case INTEGER, POSITIVE_INTEGER -> "integer";
            case SMALLINT, POSITIVE_SMALLINT -> "smallint";
            case BOOLEAN -> "boolean";
            case FLOAT -> "double precision";
            case DECIMAL -> "numeric";
            case CHAR, TEXT -> "text";
            case DATE -> "date";
            case DATETIME -> "timestamp with time zone";
            case UUID -> "uuid";
            case LOCAL_DATETIME -> "timestamp";
            case TIME -> "time";
            case BINARY -> "bytea";
            case JSON -> "jsonb";
            case ARRAY -> null;
        };
    }
}
