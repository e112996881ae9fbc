package dev.quarry.backend.sqlite;

import dev.quarry.backend.AlteringSchemaEditor;
import dev.quarry.spi.CheckDef;
import dev.quarry.spi.ColumnDef;
import dev.quarry.spi.FieldType;
import dev.quarry.spi.Operations;
import dev.quarry.spi.TableDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SQLite DDL: Django's column types, foreign keys inline and deferred. What ALTER TABLE cannot do
 * here (drop or change a column, add a unique or NOT NULL one) is Django's table rebuild
 * ({@link #rebuild}); migrations run with foreign key enforcement off, as in Django, and check the keys
 * before they commit.
 */
final class SqliteSchemaEditor extends AlteringSchemaEditor {
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
        return c.type() == FieldType.JSON ? "json_valid(" + q(c.name()) + ")" : super.check(c);
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

    /** SQLite names a column's UNIQUE constraint itself ({@code sqlite_autoindex_...}); it changes only by rebuilding. */
    @Override
    protected String uniqueName(String table, String column) {
        return table + "_" + column + "_uniq";
    }

    /** ADD COLUMN for a nullable, non-unique column; a rebuild otherwise (Django's rule). */
    @Override
    public List<String> addColumn(TableDef from, TableDef to, ColumnDef column) {
        if (column.nullable() && column.defaultValue() == null && !column.unique() && !column.primaryKey()) {
            List<String> out = new ArrayList<>();
            out.add("ALTER TABLE " + q(to.name()) + " ADD COLUMN " + columnDefinition(column, true));
            if (hasOwnIndex(column)) {
                out.add(columnIndex(to.name(), column));
            }
            return out;
        }
        return rebuild(from, to, sameNames(from, to));
    }

    @Override
    public List<String> dropColumn(TableDef from, TableDef to, ColumnDef column) {
        return rebuild(from, to, sameNames(from, to));
    }

    @Override
    public List<String> alterColumn(TableDef from, TableDef to, ColumnDef old, ColumnDef now) {
        Map<String, String> copy = sameNames(from, to);
        if (old.nullable() && !now.nullable() && now.defaultValue() != null) {
            copy.put(now.name(), "coalesce(" + q(old.name()) + ", " + defaultLiteral(now) + ")");
        }
        return rebuild(from, to, copy);
    }

    @Override
    public List<String> renameColumn(TableDef from, TableDef to, ColumnDef old, ColumnDef now) {
        Map<String, String> copy = sameNames(from, to);
        copy.put(now.name(), q(old.name()));
        return rebuild(from, to, copy);
    }

    /** RENAME TO (which rewrites the other tables' references), and the column indexes under their new names. */
    @Override
    public List<String> renameTable(TableDef from, TableDef to) {
        List<String> out = new ArrayList<>();
        out.add("ALTER TABLE " + q(from.name()) + " RENAME TO " + q(to.name()));
        for (ColumnDef c : to.columns()) {
            if (hasOwnIndex(c)) {
                out.add(dropIndexStatement(to.name(), indexName(from.name(), c.name())));
                out.add(columnIndex(to.name(), c));
            }
        }
        return out;
    }

    /** SQLite cannot add a constraint to a table: a rebuild with the constraint in CREATE TABLE, checking every row copied. */
    @Override
    public List<String> addCheck(TableDef from, TableDef to, CheckDef check) {
        return rebuild(from, to, sameNames(from, to));
    }

    /** SQLite cannot drop a constraint: a rebuild without it. */
    @Override
    public List<String> dropCheck(TableDef from, TableDef to, CheckDef check) {
        return rebuild(from, to, sameNames(from, to));
    }

    /** The columns of {@code to} that {@code from} has under the same name, each copied from itself. */
    private Map<String, String> sameNames(TableDef from, TableDef to) {
        Map<String, String> copy = new LinkedHashMap<>();
        for (ColumnDef c : to.columns()) {
            if (from.columns().stream().anyMatch(o -> o.name().equals(c.name()))) {
                copy.put(c.name(), q(c.name()));
            }
        }
        return copy;
    }

    /**
     * Django's {@code _remake_table}: creates {@code to} as {@code new__<table>}, copies the rows
     * ({@code copy} maps each filled column of {@code to} to its expression over {@code from}; the others
     * take their default), drops {@code from}, renames the new table and creates its indexes. Runs with
     * foreign key enforcement off ({@link #migrationSetup()}), so the tables referring to this one keep
     * their rows and their references, which name the table, not the dropped copy.
     */
    private List<String> rebuild(TableDef from, TableDef to, Map<String, String> copy) {
        String temporary = "new__" + to.name();
        List<String> out = new ArrayList<>();
        out.add(createTableStatement(to, temporary));
        if (!copy.isEmpty()) {
            out.add("INSERT INTO " + q(temporary) + " (" + String.join(", ", copy.keySet().stream().map(this::q).toList())
                    + ") SELECT " + String.join(", ", copy.values()) + " FROM " + q(from.name()));
        }
        out.add("DROP TABLE " + q(from.name()));
        out.add("ALTER TABLE " + q(temporary) + " RENAME TO " + q(to.name()));
        out.addAll(indexStatements(to));
        return out;
    }

    @Override
    public List<String> migrationSetup() {
        return List.of("PRAGMA foreign_keys = OFF");
    }

    @Override
    public List<String> migrationTeardown() {
        return List.of("PRAGMA foreign_keys = ON");
    }

    @Override
    public String foreignKeyCheck() {
        return "PRAGMA foreign_key_check";
    }
}
