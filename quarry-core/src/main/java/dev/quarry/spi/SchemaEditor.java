package dev.quarry.spi;

import java.util.List;

/**
 * Writes a database's DDL for tables described by metadata: creating and dropping whole tables
 * ({@code createTables()}), and the single changes migrations make. Each alteration gets the table as
 * it is before ({@code from}) and after ({@code to}) the change, so that a database which cannot alter
 * a table in place (SQLite) can rebuild it: new table, rows copied, old table dropped, new one renamed,
 * indexes and foreign keys kept. Constraint and index names are functions of table and column, so
 * renames rename them too. The defaults refuse, for third-party backends written before migrations.
 */
public interface SchemaEditor {
    /** The statements that create this table, its indexes and (where inline) its foreign keys. */
    List<String> createTable(TableDef table);

    /** The statements that add this table's foreign keys once every table exists; empty where inline. */
    List<String> addForeignKeys(TableDef table);

    /** The statements that drop these tables, whatever refers to them. */
    List<String> dropTables(List<String> tables);

    /** The statements that add {@code column} (a column of {@code to}, not of {@code from}), filling existing rows with its default. */
    default List<String> addColumn(TableDef from, TableDef to, ColumnDef column) {
        throw unsupported("addColumn");
    }

    /** The statements that drop {@code column} (a column of {@code from}, not of {@code to}) with its index and foreign key. */
    default List<String> dropColumn(TableDef from, TableDef to, ColumnDef column) {
        throw unsupported("dropColumn");
    }

    /**
     * The statements that change column {@code old} of {@code from} into {@code now} of {@code to} (same name):
     * type, NULL, default, unique, index and foreign key, converting the rows' values. Rows holding NULL get
     * {@code now}'s default when {@code now} is NOT NULL and has one.
     */
    default List<String> alterColumn(TableDef from, TableDef to, ColumnDef old, ColumnDef now) {
        throw unsupported("alterColumn");
    }

    /** The statements that rename column {@code old} of {@code from} to {@code now} of {@code to}, values kept. */
    default List<String> renameColumn(TableDef from, TableDef to, ColumnDef old, ColumnDef now) {
        throw unsupported("renameColumn");
    }

    /** The statements that rename table {@code from} to {@code to} (same columns), with the names of its indexes and keys. */
    default List<String> renameTable(TableDef from, TableDef to) {
        throw unsupported("renameTable");
    }

    /** The statements that create a named index of {@code table}. */
    default List<String> createIndex(TableDef table, IndexDef index) {
        throw unsupported("createIndex");
    }

    /** The statements that drop a named index of {@code table}. */
    default List<String> dropIndex(TableDef table, IndexDef index) {
        throw unsupported("dropIndex");
    }

    /** The statements that add CHECK constraint {@code check} (one of {@code to}'s, not of {@code from}'s), checking the rows. */
    default List<String> addCheck(TableDef from, TableDef to, CheckDef check) {
        throw unsupported("addCheck");
    }

    /** The statements that drop CHECK constraint {@code check} (one of {@code from}'s, not of {@code to}'s). */
    default List<String> dropCheck(TableDef from, TableDef to, CheckDef check) {
        throw unsupported("dropCheck");
    }

    /**
     * Statements a migration run executes on its connection before its transaction begins, outside it
     * (SQLite turns foreign key enforcement off, as Django does, so that rebuilding a table others refer to
     * keeps their rows).
     */
    default List<String> migrationSetup() {
        return List.of();
    }

    /** Statements a migration run executes on its connection after its transaction ended, undoing {@link #migrationSetup()}. */
    default List<String> migrationTeardown() {
        return List.of();
    }

    /**
     * A query that returns a row for each foreign key a migration left broken, run before it commits, or
     * {@code null} when the database enforces foreign keys during migrations by itself.
     */
    default String foreignKeyCheck() {
        return null;
    }

    /**
     * Statements run inside a transaction, before loading a fixture, so that rows may refer to rows loaded later
     * (forward references, cycles): empty where foreign keys are checked at commit ({@code DEFERRABLE INITIALLY
     * DEFERRED}); MySQL and MariaDB turn {@code FOREIGN_KEY_CHECKS} off for the session. The loader checks the
     * references itself before the transaction ends, then runs {@link #restoreForeignKeyChecks()}.
     */
    default List<String> deferForeignKeyChecks() {
        return List.of();
    }

    /** Statements that undo {@link #deferForeignKeyChecks()}, run whether the load succeeded or not. */
    default List<String> restoreForeignKeyChecks() {
        return List.of();
    }

    /**
     * Statements that take the lock keeping two migration runs apart, held by the connection that runs them
     * until {@link #migrationUnlock()} on it; empty when the migration's own transaction is that lock (SQLite,
     * whose transactions take the database's write lock when they begin).
     */
    default List<String> migrationLock() {
        return List.of();
    }

    /** Statements that release the lock of {@link #migrationLock()}. */
    default List<String> migrationUnlock() {
        return List.of();
    }

    private UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException(getClass().getName() + " does not implement " + what
                + " for migrations; extend dev.quarry.backend.BaseSchemaEditor or implement it");
    }
}
