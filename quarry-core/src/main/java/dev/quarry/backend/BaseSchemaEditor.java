package dev.quarry.backend;

import dev.quarry.spi.ColumnDef;
import dev.quarry.spi.FieldType;
import dev.quarry.spi.Operations;
import dev.quarry.spi.SchemaEditor;
import dev.quarry.spi.TableDef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * DDL shared by the backends: CREATE TABLE with NOT NULL, UNIQUE, DEFAULT and CHECK, an index per
 * foreign key, and foreign keys added once every table exists. Identifiers come from metadata
 * and are quoted; defaults are literals of already-converted values.
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
        StringBuilder sb = new StringBuilder("CREATE TABLE ").append(q(table.name())).append(" (");
        List<String> parts = new ArrayList<>();
        for (ColumnDef c : table.columns()) {
            if (c.primaryKey() && c.type() == FieldType.AUTO) {
                parts.add(q(c.name()) + " " + autoPrimaryKey(c));
                continue;
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
                col.append(" DEFAULT ").append(ops.literal(ops.toDb(c.defaultValue())));
            }
            String check = check(c);
            if (check != null) {
                col.append(" CHECK (").append(check).append(")");
            }
            if (inlineForeignKeys() && c.referencesTable() != null) {
                col.append(" REFERENCES ").append(q(c.referencesTable())).append(" (").append(q(c.referencesColumn()))
                        .append(")").append(foreignKeySuffix());
            }
            parts.add(col.toString());
        }
        for (List<String> unique : table.uniqueTogether()) {
            parts.add("UNIQUE (" + String.join(", ", unique.stream().map(this::q).toList()) + ")");
        }
        sb.append(String.join(", ", parts)).append(")").append(tableSuffix());
        out.add(sb.toString());
        for (ColumnDef c : table.columns()) {
            if ((c.referencesTable() != null || c.indexed()) && !c.unique() && !c.primaryKey()) {
                out.add("CREATE INDEX " + q(name(table.name(), c.name(), "idx")) + " ON " + q(table.name())
                        + " (" + q(c.name()) + ")");
            }
        }
        return out;
    }

    @Override
    public List<String> addForeignKeys(TableDef table) {
        if (inlineForeignKeys()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (ColumnDef c : table.columns()) {
            if (c.referencesTable() != null) {
                out.add("ALTER TABLE " + q(table.name()) + " ADD CONSTRAINT " + q(name(table.name(), c.name(), "fk"))
                        + " FOREIGN KEY (" + q(c.name()) + ") REFERENCES " + q(c.referencesTable()) + " ("
                        + q(c.referencesColumn()) + ")" + foreignKeySuffix());
            }
        }
        return out;
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

    /** A constraint or index name under every database's length limit, unique by a short hash. */
    protected static String name(String table, String column, String suffix) {
        String full = table + "_" + column + "_" + suffix;
        if (full.length() <= 60) {
            return full;
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(full.getBytes(StandardCharsets.UTF_8));
            return full.substring(0, 50) + "_" + HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
