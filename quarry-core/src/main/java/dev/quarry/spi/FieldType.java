package dev.quarry.spi;

/** The storage kinds of model fields, which each backend maps to a column type and a reader. */
public enum FieldType {
    AUTO, CHAR, TEXT, INTEGER, SMALLINT, POSITIVE_SMALLINT, POSITIVE_INTEGER, BIGINT, BOOLEAN,
    FLOAT, DECIMAL, DATE, DATETIME, UUID;

    /** Whether values of this kind are whole numbers. */
    public boolean isIntegral() {
        return switch (this) {
            case AUTO, INTEGER, SMALLINT, POSITIVE_SMALLINT, POSITIVE_INTEGER, BIGINT -> true;
            default -> false;
        };
    }

    /** Whether values of this kind are strings. */
    public boolean isText() {
        return this == CHAR || this == TEXT;
    }

    /** The type of a column that refers to a primary key of this kind. */
    public FieldType referenceType() {
        return this == AUTO ? BIGINT : this;
    }
}
