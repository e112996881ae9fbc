package dev.quarry.spi;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Reads an existing schema ({@code inspectdb}): the tables of the connection's current database or schema,
 * each with its columns mapped to field types, primary key, foreign keys, unique constraints and indexes.
 * One per backend ({@code backend.<db>.<Db>Introspection}).
 */
public interface Introspection {
    /**
     * The tables of the connection's current database (PostgreSQL: its current schema), by name, without
     * the database's own tables.
     *
     * @throws SQLException if the catalog cannot be read
     */
    List<TableInfo> tables(Connection connection) throws SQLException;

    /**
     * One column as the database describes it, mapped to the nearest field type.
     *
     * @param name the column name
     * @param type the field type it maps to ({@link FieldType#AUTO} for an auto-increment integer key)
     * @param dbType the database's type name, lower-cased ({@code varchar}, {@code int4})
     * @param maxLength a character column's length, else 0
     * @param maxDigits a decimal column's precision, else 0
     * @param decimalPlaces a decimal column's scale, else 0
     * @param nullable whether it accepts NULL
     * @param guessed whether the type was not recognised and {@code type} is a guess
     */
    record ColumnInfo(String name, FieldType type, String dbType, int maxLength, int maxDigits, int decimalPlaces,
                      boolean nullable, boolean guessed) {}

    /**
     * A single-column foreign key.
     *
     * @param column the referring column
     * @param table the referred table
     * @param referredColumn the referred column
     */
    record ForeignKeyInfo(String column, String table, String referredColumn) {}

    /**
     * One table.
     *
     * @param name the table name
     * @param columns the columns, in order
     * @param primaryKey the primary key's columns
     * @param foreignKeys the single-column foreign keys
     * @param uniques the unique constraints and unique indexes, each as its columns in order (the primary key's left out)
     * @param indexes the other indexes, each as its columns in order
     */
    record TableInfo(String name, List<ColumnInfo> columns, List<String> primaryKey, List<ForeignKeyInfo> foreignKeys,
                     List<List<String>> uniques, List<List<String>> indexes) {
        /** Copies the lists. */
        public TableInfo {
            columns = List.copyOf(columns);
            primaryKey = List.copyOf(primaryKey);
            foreignKeys = List.copyOf(foreignKeys);
            uniques = uniques.stream().map(List::copyOf).toList();
            indexes = indexes.stream().map(List::copyOf).toList();
        }
    }
}
