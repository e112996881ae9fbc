package dev.quarry.backend.sqlite;

import dev.quarry.backend.BaseSchemaEditor;
import dev.quarry.spi.ColumnDef;
import dev.quarry.spi.Operations;

/** SQLite DDL: Django's column types, foreign keys inline and deferred. */
final class SqliteSchemaEditor extends BaseSchemaEditor {
    SqliteSchemaEditor(Operations ops) {
        super(ops);
    }

    @Override
    protected String columnType(ColumnDef c) {
        return switch (c.type()) {
            case AUTO, INTEGER -> "integer";
            case CHAR -> "varchar(" + c.maxLength() + ")";
            case TEXT -> "text";
            case SMALLINT -> "smallint";
            case POSITIVE_SMALLINT -> "smallint unsigned";
            case POSITIVE_INTEGER -> "integer unsigned";
            case BIGINT -> "bigint";
            case BOOLEAN -> "bool";
            case FLOAT -> "real";
            case DECIMAL -> "decimal";
            case DATE -> "date";
            case DATETIME -> "datetime";
            case UUID -> "char(36)";
            case LOCAL_DATETIME -> "datetime";
            case TIME -> "time";
            case DURATION -> "bigint";
            case BINARY -> "blob";
            case ARRAY -> throw new dev.quarry.NotSupportedError("array columns need Feature.ARRAY_FIELD", null, 0, null, null);
            case JSON -> "text";
        };
    }

    /** A JSON column is text that must be valid JSON (MariaDB's JSON type checks it by itself, PostgreSQL's jsonb by its type). */
    @Override
    protected String check(ColumnDef c) {
        return c.type() == dev.quarry.spi.FieldType.JSON ? "json_valid(" + q(c.name()) + ")" : super.check(c);
    }

    @Override
    protected String autoPrimaryKey(ColumnDef c) {
        return "integer NOT NULL PRIMARY KEY AUTOINCREMENT";
    }

    @Override
    protected boolean inlineForeignKeys() {
        return true;
    }

    @Override
    protected String foreignKeySuffix() {
        return " DEFERRABLE INITIALLY DEFERRED";
    }

    /** SQLite's current time in the text form Quarry stores instants in ({@code yyyy-MM-dd HH:mm:ss.SSS}, UTC). */
    @Override
    protected String currentTimestamp() {
        return "(strftime('%Y-%m-%d %H:%M:%f', 'now'))";
    }
}
