package dev.quarry.backend;

import dev.quarry.spi.CheckDef;
import dev.quarry.spi.ColumnDef;
import dev.quarry.spi.IndexDef;
import dev.quarry.spi.Operations;
import dev.quarry.spi.TableDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The single changes migrations make, with ALTER TABLE (Django's {@code BaseDatabaseSchemaEditor}):
 * add, drop, alter and rename columns, rename tables, create and drop named indexes. The names of a
 * column's own index ({@code <table>_<column>_idx}), foreign key ({@code <table>_<column>_fk}) and unique
 * constraint ({@link #uniqueName}) are functions of table and column, so no introspection is needed to
 * find them: renames rename them. The statements written here are PostgreSQL's (standard SQL); other
 * databases override the hooks, or the public methods when they rebuild tables instead (SQLite).
 */
public abstract class AlteringSchemaEditor extends BaseSchemaEditor {
    /** A schema editor quoting names and writing literals with {@code ops}. */
    protected AlteringSchemaEditor(Operations ops) {
        super(ops);
    }

    @Override
    public List<String> addColumn(TableDef from, TableDef to, ColumnDef column) {
        List<String> out = new ArrayList<>();
        out.add("ALTER TABLE " + q(to.name()) + " ADD COLUMN " + columnDefinition(column, false));
        if (hasOwnIndex(column)) {
            out.add(columnIndex(to.name(), column));
        }
        if (column.referencesTable() != null) {
            out.add(addForeignKey(to.name(), column));
        }
        return out;
    }

    @Override
    public List<String> dropColumn(TableDef from, TableDef to, ColumnDef column) {
        List<String> out = new ArrayList<>();
        if (column.referencesTable() != null) {
            out.addAll(dropForeignKey(from.name(), foreignKeyName(from.name(), column.name())));
        }
        out.add("ALTER TABLE " + q(from.name()) + " DROP COLUMN " + q(column.name()));
        return out;
    }

    @Override
    public List<String> renameColumn(TableDef from, TableDef to, ColumnDef old, ColumnDef now) {
        List<String> out = new ArrayList<>();
        out.add(renameColumnStatement(to.name(), old, now));
        out.addAll(renameDerivedNames(from.name(), old, to.name(), now));
        return out;
    }

    @Override
    public List<String> renameTable(TableDef from, TableDef to) {
        List<String> out = new ArrayList<>();
        out.add("ALTER TABLE " + q(from.name()) + " RENAME TO " + q(to.name()));
        for (ColumnDef c : to.columns()) {
            out.addAll(renameDerivedNames(from.name(), c, to.name(), c));
        }
        return out;
    }

    @Override
    public List<String> alterColumn(TableDef from, TableDef to, ColumnDef old, ColumnDef now) {
        if (old.primaryKey() || now.primaryKey()) {
            throw new UnsupportedOperationException("Altering the primary key column " + from.name() + "." + old.name()
                    + " is not supported yet; add a new table with the key you want and copy the rows with RunSql");
        }
        String t = to.name();
        List<String> out = new ArrayList<>();
        boolean typeChanged = !columnType(old).equals(columnType(now));
        boolean referenceChanged = !Objects.equals(old.referencesTable(), now.referencesTable())
                || !Objects.equals(old.referencesColumn(), now.referencesColumn()) || typeChanged;
        if (old.referencesTable() != null && referenceChanged) {
            out.addAll(dropForeignKey(t, foreignKeyName(t, old.name())));
        }
        if (old.unique() && !now.unique()) {
            out.addAll(dropUnique(t, old));
        }
        if (hasOwnIndex(old) && !hasOwnIndex(now)) {
            out.add(dropIndexStatement(t, indexName(t, old.name())));
        }
        if (old.nullable() && !now.nullable() && now.defaultValue() != null) {
            out.add("UPDATE " + q(t) + " SET " + q(now.name()) + " = " + defaultLiteral(now) + " WHERE " + q(now.name())
                    + " IS NULL");
        }
        out.addAll(alterColumnDefinition(t, old, now));
        if (now.unique() && !old.unique()) {
            out.addAll(addUnique(t, now));
        }
        if (hasOwnIndex(now) && !hasOwnIndex(old)) {
            out.add(columnIndex(t, now));
        }
        if (now.referencesTable() != null && (referenceChanged || old.referencesTable() == null)) {
            out.add(addForeignKey(t, now));
        }
        return out;
    }

    @Override
    public List<String> createIndex(TableDef table, IndexDef index) {
        return List.of(indexStatement(table.name(), index));
    }

    @Override
    public List<String> addCheck(TableDef from, TableDef to, CheckDef check) {
        return List.of("ALTER TABLE " + q(to.name()) + " ADD " + checkConstraint(check));
    }

    @Override
    public List<String> dropCheck(TableDef from, TableDef to, CheckDef check) {
        return List.of("ALTER TABLE " + q(from.name()) + " DROP CONSTRAINT " + q(check.name()));
    }

    @Override
    public List<String> dropIndex(TableDef table, IndexDef index) {
        return List.of(dropIndexStatement(table.name(), index.name()));
    }

    /** The renames of the index, foreign key and unique constraint named after a column that moved or whose table was renamed. */
    protected List<String> renameDerivedNames(String oldTable, ColumnDef old, String newTable, ColumnDef now) {
        List<String> out = new ArrayList<>();
        if (hasOwnIndex(old) && !indexName(oldTable, old.name()).equals(indexName(newTable, now.name()))) {
            out.add(renameIndex(newTable, indexName(oldTable, old.name()), indexName(newTable, now.name())));
        }
        if (old.referencesTable() != null
                && !foreignKeyName(oldTable, old.name()).equals(foreignKeyName(newTable, now.name()))) {
            out.addAll(renameForeignKey(newTable, foreignKeyName(oldTable, old.name()),
                    foreignKeyName(newTable, now.name()), now));
        }
        if (old.unique() && !old.primaryKey() && !uniqueName(oldTable, old.name()).equals(uniqueName(newTable, now.name()))) {
            out.addAll(renameUnique(newTable, uniqueName(oldTable, old.name()), uniqueName(newTable, now.name())));
        }
        out.addAll(renameCheck(oldTable, old, newTable, now));
        return out;
    }

    /** RENAME COLUMN. */
    protected String renameColumnStatement(String table, ColumnDef old, ColumnDef now) {
        return "ALTER TABLE " + q(table) + " RENAME COLUMN " + q(old.name()) + " TO " + q(now.name());
    }

    /** The statements that change a column's type, NULL, default and CHECK in place (PostgreSQL's ALTER COLUMN clauses). */
    protected List<String> alterColumnDefinition(String table, ColumnDef old, ColumnDef now) {
        List<String> out = new ArrayList<>();
        String alter = "ALTER TABLE " + q(table) + " ALTER COLUMN " + q(now.name());
        if (!columnType(old).equals(columnType(now))) {
            out.add(alter + " TYPE " + columnType(now) + " USING " + q(now.name()) + "::" + columnType(now));
        }
        if (old.nullable() != now.nullable()) {
            out.add(alter + (now.nullable() ? " DROP NOT NULL" : " SET NOT NULL"));
        }
        if (!Objects.equals(old.defaultValue(), now.defaultValue())) {
            out.add(alter + (now.defaultValue() == null ? " DROP DEFAULT" : " SET DEFAULT " + defaultLiteral(now)));
        }
        return out;
    }

    /** The name the database gives a column's UNIQUE constraint written in CREATE TABLE. */
    protected abstract String uniqueName(String table, String column);

    /** Adds a column's unique constraint, under {@link #uniqueName}. */
    protected List<String> addUnique(String table, ColumnDef c) {
        return List.of("ALTER TABLE " + q(table) + " ADD CONSTRAINT " + q(uniqueName(table, c.name())) + " UNIQUE ("
                + q(c.name()) + ")");
    }

    /** Drops a column's unique constraint. */
    protected List<String> dropUnique(String table, ColumnDef c) {
        return List.of("ALTER TABLE " + q(table) + " DROP CONSTRAINT " + q(uniqueName(table, c.name())));
    }

    /** Renames a column's unique constraint. */
    protected List<String> renameUnique(String table, String old, String now) {
        return List.of("ALTER TABLE " + q(table) + " RENAME CONSTRAINT " + q(old) + " TO " + q(now));
    }

    /** Renames a column's CHECK constraint where the database named it after the column; none by default. */
    protected List<String> renameCheck(String oldTable, ColumnDef old, String newTable, ColumnDef now) {
        return List.of();
    }

    /** Renames an index. */
    protected String renameIndex(String table, String old, String now) {
        return "ALTER INDEX " + q(old) + " RENAME TO " + q(now);
    }

    /** Drops an index. */
    protected String dropIndexStatement(String table, String index) {
        return "DROP INDEX " + q(index);
    }

    /** Drops a foreign key constraint. */
    protected List<String> dropForeignKey(String table, String name) {
        return List.of("ALTER TABLE " + q(table) + " DROP CONSTRAINT " + q(name));
    }

    /** Renames a foreign key constraint of column {@code c}. */
    protected List<String> renameForeignKey(String table, String old, String now, ColumnDef c) {
        return List.of("ALTER TABLE " + q(table) + " RENAME CONSTRAINT " + q(old) + " TO " + q(now));
    }
}
