package dev.quarry.migrations;

import dev.quarry.internal.Names;
import dev.quarry.spi.FieldType;
import java.util.Objects;

/**
 * One column of a model as migrations know it: everything about a field that reaches the schema.
 * Immutable; the {@code with*} methods return modified copies.
 *
 * @param name the Java field name ({@code publishedDate})
 * @param column the column name ({@code published_date}, {@code author_id})
 * @param type the storage kind; for a foreign key, the kind of the column that holds the target's key
 * @param maxLength a CharField's maximum length, or 0
 * @param maxDigits a DecimalField's digits, or 0
 * @param decimalPlaces a DecimalField's decimal places, or 0
 * @param nullable whether the column accepts NULL
 * @param unique whether the column is unique
 * @param primaryKey whether this is the primary key
 * @param dbIndex whether the column has an index of its own (foreign keys always do, unless unique)
 * @param defaultValue the default, as the column stores it ({@code "MICROS"} for an enum), or {@code null}
 * @param relatedModel the name of the model a foreign key points at, or {@code null} for a plain column
 * @param dbConstraint whether a foreign key's column carries a FOREIGN KEY constraint (Django's {@code db_constraint})
 */
public record FieldState(String name, String column, FieldType type, int maxLength, int maxDigits, int decimalPlaces,
                         boolean nullable, boolean unique, boolean primaryKey, boolean dbIndex, Object defaultValue,
                         String relatedModel, boolean dbConstraint) {
    /** Checks the names and the type. */
    public FieldState {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(type, "type");
    }

    /** A field whose foreign key, if any, carries its constraint. */
    public FieldState(String name, String column, FieldType type, int maxLength, int maxDigits, int decimalPlaces,
                      boolean nullable, boolean unique, boolean primaryKey, boolean dbIndex, Object defaultValue,
                      String relatedModel) {
        this(name, column, type, maxLength, maxDigits, decimalPlaces, nullable, unique, primaryKey, dbIndex, defaultValue,
                relatedModel, true);
    }

    /** A NOT NULL column of this kind named after the field ({@code publishedDate} in {@code published_date}). */
    public static FieldState of(String name, FieldType type) {
        return new FieldState(name, Names.snake(name), type, 0, 0, 0, false, false, false, false, null, null);
    }

    /** The automatic {@code id} key. */
    public static FieldState autoId() {
        return new FieldState("id", "id", FieldType.AUTO, 0, 0, 0, false, true, true, false, null, null);
    }

    /** A CharField of this maximum length. */
    public static FieldState charField(String name, int maxLength) {
        return of(name, FieldType.CHAR).withMaxLength(maxLength);
    }

    /** A NOT NULL foreign key to {@code relatedModel}'s automatic key, in column {@code <name>_id}, indexed. */
    public static FieldState foreignKey(String name, String relatedModel) {
        return new FieldState(name, Names.snake(name) + "_id", FieldType.BIGINT, 0, 0, 0, false, false, false, true, null,
                Objects.requireNonNull(relatedModel, "relatedModel"));
    }

    /** Whether this field is a foreign key. */
    public boolean isForeignKey() {
        return relatedModel != null;
    }

    /** This field with another Java name; the column follows when it was the default one. */
    public FieldState withName(String newName) {
        String col = column.equals(defaultColumn(name)) ? defaultColumn(newName) : column;
        return new FieldState(newName, col, type, maxLength, maxDigits, decimalPlaces, nullable, unique, primaryKey, dbIndex,
                defaultValue, relatedModel, dbConstraint);
    }

    private String defaultColumn(String javaName) {
        return Names.snake(javaName) + (relatedModel == null ? "" : "_id");
    }

    /** This field in another column. */
    public FieldState withColumn(String newColumn) {
        return new FieldState(name, newColumn, type, maxLength, maxDigits, decimalPlaces, nullable, unique, primaryKey,
                dbIndex, defaultValue, relatedModel, dbConstraint);
    }

    /** This field with another storage kind. */
    public FieldState withType(FieldType newType) {
        return new FieldState(name, column, newType, maxLength, maxDigits, decimalPlaces, nullable, unique, primaryKey,
                dbIndex, defaultValue, relatedModel, dbConstraint);
    }

    /** This field with another maximum length. */
    public FieldState withMaxLength(int length) {
        return new FieldState(name, column, type, length, maxDigits, decimalPlaces, nullable, unique, primaryKey, dbIndex,
                defaultValue, relatedModel, dbConstraint);
    }

    /** This field with these decimal digits and places. */
    public FieldState withDecimal(int digits, int places) {
        return new FieldState(name, column, type, maxLength, digits, places, nullable, unique, primaryKey, dbIndex,
                defaultValue, relatedModel, dbConstraint);
    }

    /** This field, nullable or not. */
    public FieldState withNullable(boolean value) {
        return new FieldState(name, column, type, maxLength, maxDigits, decimalPlaces, value, unique, primaryKey, dbIndex,
                defaultValue, relatedModel, dbConstraint);
    }

    /** This field, unique or not. */
    public FieldState withUnique(boolean value) {
        return new FieldState(name, column, type, maxLength, maxDigits, decimalPlaces, nullable, value, primaryKey, dbIndex,
                defaultValue, relatedModel, dbConstraint);
    }

    /** This field, the primary key or not. */
    public FieldState withPrimaryKey(boolean value) {
        return new FieldState(name, column, type, maxLength, maxDigits, decimalPlaces, nullable, unique, value, dbIndex,
                defaultValue, relatedModel, dbConstraint);
    }

    /** This field, indexed or not. */
    public FieldState withDbIndex(boolean value) {
        return new FieldState(name, column, type, maxLength, maxDigits, decimalPlaces, nullable, unique, primaryKey, value,
                defaultValue, relatedModel, dbConstraint);
    }

    /** This field with this default, as the column stores it ({@code null}: none). */
    public FieldState withDefault(Object value) {
        return new FieldState(name, column, type, maxLength, maxDigits, decimalPlaces, nullable, unique, primaryKey,
                dbIndex, value, relatedModel, dbConstraint);
    }

    /** This foreign key with or without its FOREIGN KEY constraint. */
    public FieldState withDbConstraint(boolean value) {
        return new FieldState(name, column, type, maxLength, maxDigits, decimalPlaces, nullable, unique, primaryKey,
                dbIndex, defaultValue, relatedModel, value);
    }

    /** This foreign key pointing at another model. */
    public FieldState withRelatedModel(String model) {
        return new FieldState(name, column, type, maxLength, maxDigits, decimalPlaces, nullable, unique, primaryKey,
                dbIndex, defaultValue, model, dbConstraint);
    }
}
