package dev.quarry.spi;

/**
 * A column as the schema editor sees it. {@code defaultValue} is a bind-free literal already
 * converted for the database, or {@code null}; {@code defaultNow} asks for the database's current
 * time instead; {@code referencesTable}/{@code referencesColumn} name the foreign key target, or are
 * {@code null}; {@code collation} is empty for the table's default; {@code arrayOf} is the element
 * kind of an {@link FieldType#ARRAY} column ({@code null} otherwise), {@code arraySize} its declared
 * size (0 for none).
 */
public record ColumnDef(
        String name,
        FieldType type,
        int maxLength,
        int maxDigits,
        int decimalPlaces,
        boolean nullable,
        boolean unique,
        boolean primaryKey,
        boolean indexed,
        Object defaultValue,
        String referencesTable,
        String referencesColumn,
        String collation,
        FieldType arrayOf,
        int arraySize,
        boolean defaultNow) {

    /** A column without collation, array or database-time default. */
    public ColumnDef(String name, FieldType type, int maxLength, int maxDigits, int decimalPlaces, boolean nullable,
                     boolean unique, boolean primaryKey, boolean indexed, Object defaultValue, String referencesTable,
                     String referencesColumn) {
        this(name, type, maxLength, maxDigits, decimalPlaces, nullable, unique, primaryKey, indexed, defaultValue,
                referencesTable, referencesColumn, "", null, 0, false);
    }

    /** This column as an element of its array ({@code varchar(20)} of a {@code varchar(20)[]}). */
    public ColumnDef element() {
        return new ColumnDef(name, arrayOf, maxLength, maxDigits, decimalPlaces, nullable, false, false, false, null,
                null, null);
    }

    /** Whether the column must hold a value of zero or more. */
    public boolean positive() {
        return type == FieldType.POSITIVE_INTEGER || type == FieldType.POSITIVE_SMALLINT;
    }
}
