package dev.quarry.backend.mysql;

import dev.quarry.backend.AlteringSchemaEditor;
import dev.quarry.spi.ColumnDef;
import dev.quarry.spi.Operations;
import java.util.ArrayList;
import java.util.List;

/**
 * MariaDB/MySQL DDL: InnoDB tables in {@code utf8mb4_nopad_bin}, auto-increment keys, foreign keys
 * added after. The collation is binary (case-sensitive, code point order) and NO PAD: under
 * {@code utf8mb4_bin}, a PAD SPACE collation, {@code 'x'} equals {@code 'x  '} and the two collide on a
 * unique column. (MariaDB 10.2+; MySQL 8 names its NO PAD binary collation {@code utf8mb4_0900_bin}.)
 * Alterations use {@code MODIFY} with the whole column definition; DDL commits by itself here, so
 * migrations record each operation as it completes; {@code GET_LOCK} keeps two migration runs apart.
 */
final class MysqlSchemaEditor extends AlteringSchemaEditor {
    /** How long a migration run waits for another one's lock, in seconds. */
    private static final int LOCK_WAIT_SECONDS = 3600;

    MysqlSchemaEditor(Operations ops) {
        super(ops);
    }

    @Override
    protected String columnType(ColumnDef c) {
        return switch (c.type()) {
            case AUTO, BIGINT -> "bigint";
            case CHAR -> "varchar(" + c.maxLength() + ")";
            case TEXT -> "longtext";
            case INTEGER -> "integer";
            case POSITIVE_INTEGER -> "integer";
            case SMALLINT -> "smallint";
            case POSITIVE_SMALLINT -> "smallint";
            case BOOLEAN -> "bool";
            case FLOAT -> "double precision";
            case DECIMAL -> "numeric(" + c.maxDigits() + ", " + c.decimalPlaces() + ")";
            case DATE -> "date";
            case DATETIME -> "datetime(6)";
            case UUID -> "char(36)";
            case LOCAL_DATETIME -> "datetime(6)";
            case TIME -> "time(6)";
            case DURATION -> "bigint";
            case BINARY -> "longblob";
            case ARRAY -> throw new dev.quarry.NotSupportedError("array columns need Feature.ARRAY_FIELD", null, 0, null, null);
            case JSON -> "json";
        };
    }

    @Override
    protected String autoPrimaryKey(ColumnDef c) {
        return "bigint NOT NULL PRIMARY KEY AUTO_INCREMENT";
    }

    @Override
    protected String tableSuffix() {
        return " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin";
    }

    @Override
    public List<String> dropTables(List<String> tables) {
        List<String> out = new ArrayList<>();
        out.add("SET FOREIGN_KEY_CHECKS = 0");
        out.addAll(super.dropTables(tables));
        out.add("SET FOREIGN_KEY_CHECKS = 1");
        return out;
    }

    /** MySQL cannot defer foreign key checks to commit: a fixture loads with them off for the session, then checked. */
    @Override
    public List<String> deferForeignKeyChecks() {
        return List.of("SET FOREIGN_KEY_CHECKS = 0");
    }

    @Override
    public List<String> restoreForeignKeyChecks() {
        return List.of("SET FOREIGN_KEY_CHECKS = 1");
    }

    /** MariaDB's UTC_TIMESTAMP(6): the table stores UTC, whatever the session's time zone. */
    @Override
    protected String currentTimestamp() {
        return "(UTC_TIMESTAMP(6))";
    }

    /** MariaDB reads a collation as a bare name ({@code COLLATE utf8mb4_general_ci}); the name is checked to be a word. */
    @Override
    protected String collation(String name) {
        return word(name);
    }

    /** MariaDB names a column's UNIQUE key after the column. */
    @Override
    protected String uniqueName(String table, String column) {
        return column;
    }

    @Override
    protected List<String> dropUnique(String table, ColumnDef c) {
        return List.of("ALTER TABLE " + q(table) + " DROP INDEX " + q(uniqueName(table, c.name())));
    }

    @Override
    protected List<String> renameUnique(String table, String old, String now) {
        return List.of(renameIndex(table, old, now));
    }

    @Override
    protected String renameIndex(String table, String old, String now) {
        return "ALTER TABLE " + q(table) + " RENAME INDEX " + q(old) + " TO " + q(now);
    }

    @Override
    protected String dropIndexStatement(String table, String index) {
        return "DROP INDEX " + q(index) + " ON " + q(table);
    }

    @Override
    protected List<String> dropForeignKey(String table, String name) {
        return List.of("ALTER TABLE " + q(table) + " DROP FOREIGN KEY " + q(name));
    }

    /** MariaDB cannot rename a foreign key: it is dropped and added again under the new name. */
    @Override
    protected List<String> renameForeignKey(String table, String old, String now, ColumnDef c) {
        return List.of("ALTER TABLE " + q(table) + " DROP FOREIGN KEY " + q(old), addForeignKey(table, c));
    }

    /** One {@code MODIFY} with the whole new definition (type, NULL, default). */
    @Override
    protected List<String> alterColumnDefinition(String table, ColumnDef old, ColumnDef now) {
        if (columnType(old).equals(columnType(now)) && old.nullable() == now.nullable()
                && java.util.Objects.equals(old.defaultValue(), now.defaultValue())) {
            return List.of();
        }
        String def = q(now.name()) + " " + columnType(now) + (now.nullable() ? " NULL" : " NOT NULL")
                + (now.defaultValue() == null ? "" : " DEFAULT " + defaultLiteral(now));
        return List.of("ALTER TABLE " + q(table) + " MODIFY " + def);
    }

    @Override
    public List<String> migrationLock() {
        return List.of("SELECT GET_LOCK(CONCAT(DATABASE(), '.quarry_migrations'), " + LOCK_WAIT_SECONDS + ")");
    }

    @Override
    public List<String> migrationUnlock() {
        return List.of("SELECT RELEASE_LOCK(CONCAT(DATABASE(), '.quarry_migrations'))");
    }
}
