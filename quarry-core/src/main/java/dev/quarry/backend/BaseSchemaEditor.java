package dev.quarry.backend;

import dev.quarry.spi.CheckDef;
import dev.quarry.spi.ColumnDef;
import dev.quarry.spi.FieldType;
import dev.quarry.spi.IndexDef;
import dev.quarry.spi.Operations;
import dev.quarry.spi.SchemaEditor;
import dev.quarry.spi.TableDef;
import java.util.ArrayList;
import java.util.List;

/**
 * DDL shared by the backends: CREATE TABLE with NOT NULL, UNIQUE, DEFAULT and CHECK, an index per
 * foreign key, and foreign keys added once every table exists. Identifiers come from metadata
 * and are quoted; defaults are literals of already-converted values. The alterations migrations make
 * are in {@link AlteringSchemaEditor}, which the backends extend.
 */
public abstract class BaseSchemaEditor implements SchemaEditor {
    /** The backend's operations, which quote names and write literals. */
    protected final Operations ops;

    /** A schema editor quoting names and writing literals with {@code ops}. */
    protected BaseSchemaEditor(Operations ops) {
        this.ops = ops;
    }

    /** The column type, without constraints. */
    protected abstract String columnType(ColumnDef c);

    /** The full definition of an auto-increment primary key column. */
    protected abstract String autoPrimaryKey(ColumnDef c);

    /** The CHECK condition of a column, or {@code null}: a positive integer field's {@code >= 0}. */
    protected String check(ColumnDef c) {
        return c.positive() ? q(c.name()) + " >= 0" : null;
    }

    /** A collation's name as the database reads it after COLLATE: quoted as an identifier (Django's {@code _collate_sql}). */
    protected String collation(String name) {
        return q(name);
    }

    /** The DEFAULT expression of the current time in UTC for an aware date-time column ({@code dbDefault = Defaults.NOW}). */
    protected String currentTimestamp() {
        return "CURRENT_TIMESTAMP";
    }

    /** Text after the closing parenthesis of CREATE TABLE. */
    protected String tableSuffix() {
        return "";
    }

    /** Whether foreign keys are written inline in CREATE TABLE (SQLite) rather than added after. */
    protected boolean inlineForeignKeys() {
        return false;
    }

    /** Text after a foreign key's REFERENCES clause. */
    protected String foreignKeySuffix() {
        return "";
    }

    /** The name, quoted for this database. */
    protected String q(String name) {
        return ops.quoteName(name);
    }

    @Override
    public List<String> createTable(TableDef table) {
        List<String> out = new ArrayList<>();
        out.add(createTableStatement(table, table.name()));
        out.addAll(indexStatements(table));
        return out;
    }

    /** The CREATE TABLE statement of {@code table}, under the name {@code name} (a rebuild's temporary name). */
    protected String createTableStatement(TableDef table, String name) {
        StringBuilder sb = new StringBuilder("CREATE TABLE ").append(q(name)).append(" (");
        List<String> parts = new ArrayList<>();
        for (ColumnDef c : table.columns()) {
            parts.add(columnDefinition(c, inlineForeignKeys()));
        }
        for (List<String> unique : table.uniqueTogether()) {
            parts.add("UNIQUE (" + String.join(", ", unique.stream().map(this::q).toList()) + ")");
        }
        for (CheckDef check : table.checks()) {
            parts.add(checkConstraint(check));
        }
        sb.append(String.join(", ", parts)).append(")").append(tableSuffix());
        return sb.toString();
    }

    /** A named CHECK constraint as it stands in CREATE TABLE or ADD: {@code CONSTRAINT "name" CHECK (condition)}. */
    protected String checkConstraint(CheckDef check) {
        return "CONSTRAINT " + q(check.name()) + " CHECK (" + check.condition() + ")";
    }

    /** A column's definition in CREATE TABLE or ADD COLUMN: quoted name, type, NULL, key, UNIQUE, DEFAULT, CHECK, inline REFERENCES. */
    protected String columnDefinition(ColumnDef c, boolean withReference) {
        if (c.primaryKey() && c.type() == FieldType.AUTO) {
            return q(c.name()) + " " + autoPrimaryKey(c);
        }
        StringBuilder col = new StringBuilder(q(c.name())).append(' ').append(columnType(c));
        if (!c.collation().isEmpty()) {
            col.append(" COLLATE ").append(collation(c.collation()));
        }
        col.append(c.nullable() ? " NULL" : " NOT NULL");
        if (c.primaryKey()) {
            col.append(" PRIMARY KEY");
        } else if (c.unique()) {
            col.append(" UNIQUE");
        }
        if (c.defaultNow()) {
            col.append(" DEFAULT ").append(currentTimestamp());
        } else if (c.defaultValue() != null) {
            col.append(" DEFAULT ").append(defaultLiteral(c));
        }
        String check = check(c);
        if (check != null) {
            col.append(" CHECK (").append(check).append(")");
        }
        if (withReference && c.referencesTable() != null) {
            col.append(" REFERENCES ").append(q(c.referencesTable())).append(" (").append(q(c.referencesColumn()))
                    .append(")").append(foreignKeySuffix());
        }
        return col.toString();
    }

    /** The column's default as a literal of the database. */
    protected String defaultLiteral(ColumnDef c) {
        return ops.literal(ops.toDb(c.defaultValue()));
    }

    /** The indexes of a created table: one per foreign key or {@code dbIndex} column that is not unique, then its named indexes. */
    protected List<String> indexStatements(TableDef table) {
        List<String> out = new ArrayList<>();
        for (ColumnDef c : table.columns()) {
            if (hasOwnIndex(c)) {
                out.add(columnIndex(table.name(), c));
            }
        }
        for (IndexDef index : table.indexes()) {
            out.add(indexStatement(table.name(), index));
        }
        return out;
    }

    /** Whether the column gets an index of its own: a foreign key or {@code dbIndex} column without a unique constraint. */
    protected static boolean hasOwnIndex(ColumnDef c) {
        return (c.referencesTable() != null || c.indexed()) && !c.unique() && !c.primaryKey();
    }

    /** The CREATE INDEX of a column's own index. */
    protected String columnIndex(String table, ColumnDef c) {
        return "CREATE INDEX " + q(indexName(table, c.name())) + " ON " + q(table) + " (" + q(c.name()) + ")";
    }

    /** The CREATE INDEX of a named index. */
    protected String indexStatement(String table, IndexDef index) {
        return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + q(index.name()) + " ON " + q(table) + " ("
                + String.join(", ", index.columns().stream().map(this::q).toList()) + ")";
    }

    @Override
    public List<String> addForeignKeys(TableDef table) {
        if (inlineForeignKeys()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (ColumnDef c : table.columns()) {
            if (c.referencesTable() != null) {
                out.add(addForeignKey(table.name(), c));
            }
        }
        return out;
    }

    /** The ALTER TABLE that adds a column's foreign key constraint. */
    protected String addForeignKey(String table, ColumnDef c) {
        return "ALTER TABLE " + q(table) + " ADD CONSTRAINT " + q(foreignKeyName(table, c.name()))
                + " FOREIGN KEY (" + q(c.name()) + ") REFERENCES " + q(c.referencesTable()) + " ("
                + q(c.referencesColumn()) + ")" + foreignKeySuffix();
    }

    @Override
    public List<String> dropTables(List<String> tables) {
        List<String> out = new ArrayList<>();
        for (String t : tables) {
            out.add("DROP TABLE IF EXISTS " + q(t));
        }
        return out;
    }

    /** {@code name} when it is letters, digits and underscores only, as collation names are; refused otherwise. */
    protected static String word(String name) {
        if (!name.matches("[A-Za-z0-9_]+")) {
            throw new dev.quarry.ImproperlyConfigured("Collation " + dev.quarry.internal.Excerpt.of(name)
                    + " is not a collation name (letters, digits and underscores)");
        }
        return name;
    }

    /** The name of a column's own index ({@code book_author_id_idx}). */
    protected static String indexName(String table, String column) {
        return name(table, column, "idx");
    }

    /** The name of a column's foreign key constraint ({@code book_author_id_fk}). */
    protected static String foreignKeyName(String table, String column) {
        return name(table, column, "fk");
    }

    /** A constraint or index name under every database's length limit, unique by a short hash. */
    protected static String name(String table, String column, String suffix) {
        return IndexDef.derivedName(table + "_" + column + "_" + suffix);
    }
}
