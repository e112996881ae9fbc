package dev.quarry.spi;

/**
 * A column as the schema editor sees it. {@code defaultValue} is a bind-free literal already
 * converted for the database, or {@code null}; {@code referencesTable}/{@code referencesColumn}
 * name the foreign key target, or are {@code null}.
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
        String referencesColumn) {

    /** Whether the column must hold a value of zero or more. */
    public boolean positive() {
        return type == FieldType.POSITIVE_INTEGER || type == FieldType.POSITIVE_SMALLINT;
    }
}
