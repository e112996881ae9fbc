package dev.quarry.migrations;

import dev.quarry.db.Database;
import dev.quarry.spi.ColumnDef;
import dev.quarry.spi.FieldType;
import dev.quarry.spi.Operations;
import dev.quarry.spi.TableDef;
import dev.quarry.sql.CompiledSql;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The history table {@code quarry_migrations} (Django's {@code django_migrations}): one row per applied
 * migration with its app, name and time applied. Where DDL commits by itself (MariaDB), a migration
 * under way has a row with no time and {@code progress}, the number of its leading operations that are
 * applied, so that a run that stopped can resume.
 */
final class Recorder {
    static final String TABLE = "quarry_migrations";

    /** One row: {@code applied} null while the migration is partly applied ({@code progress} operations). */
    record Row(String app, String name, Instant applied, Integer progress) {
        boolean complete() {
            return applied != null;
        }
    }

    private final Database database;
    private final Operations ops;

    Recorder(Database database) {
        this.database = database;
        this.ops = database.backend().operations();
    }

    private String q(String name) {
        return ops.quoteName(name);
    }

    /** The table's definition, written by the backend's schema editor like any model's. */
    static TableDef definition() {
        return new TableDef(TABLE, List.of(
                new ColumnDef("id", FieldType.AUTO, 0, 0, 0, false, true, true, false, null, null, null),
                new ColumnDef("app", FieldType.CHAR, 255, 0, 0, false, false, false, false, null, null, null),
                new ColumnDef("name", FieldType.CHAR, 255, 0, 0, false, false, false, false, null, null, null),
                new ColumnDef("applied", FieldType.DATETIME, 0, 0, 0, true, false, false, false, null, null, null),
                new ColumnDef("progress", FieldType.INTEGER, 0, 0, 0, true, false, false, false, null, null, null)),
                List.of(List.of("app", "name")));
    }

    /** Whether the table exists (asked of the driver's metadata, which runs no counted statement). */
    boolean exists() {
        return database.withConnection(c -> {
            DatabaseMetaData md = c.getMetaData();
            try (ResultSet rs = md.getTables(c.getCatalog(), c.getSchema(), TABLE, null)) {
                while (rs.next()) {
                    if (TABLE.equalsIgnoreCase(rs.getString("TABLE_NAME"))) {
                        return true;
                    }
                }
            }
            return false;
        });
    }

    /** Creates the table unless it exists. */
    void ensureTable() {
        if (!exists()) {
            database.execute(database.backend().schemaEditor().createTable(definition()));
        }
    }

    /** The rows, by {@code app.name}; empty when the table does not exist. */
    Map<String, Row> rows() {
        if (!exists()) {
            return Map.of();
        }
        var reader = ops.reader(FieldType.DATETIME);
        return database.query(CompiledSql.of("SELECT " + q("app") + ", " + q("name") + ", " + q("applied") + ", "
                + q("progress") + " FROM " + q(TABLE) + " ORDER BY " + q("id"), List.of()), rs -> {
                    Map<String, Row> out = new LinkedHashMap<>();
                    while (rs.next()) {
                        Object applied = reader.read(rs, 3);
                        int p = rs.getInt(4);
                        Integer progress = rs.wasNull() ? null : p;
                        out.put(rs.getString(1) + "." + rs.getString(2), new Row(rs.getString(1), rs.getString(2),
                                (Instant) applied, progress));
                    }
                    return out;
                });
    }

    /** Records a migration as applied now. */
    void applied(String app, String name) {
        forget(app, name);
        database.update(CompiledSql.of("INSERT INTO " + q(TABLE) + " (" + q("app") + ", " + q("name") + ", " + q("applied")
                + ") VALUES (?, ?, ?)", List.of(app, name, ops.toDb(Instant.now()))));
    }

    /** Records a migration as partly applied: its first {@code progress} operations are. */
    void progress(String app, String name, int progress) {
        forget(app, name);
        database.update(CompiledSql.of("INSERT INTO " + q(TABLE) + " (" + q("app") + ", " + q("name") + ", "
                + q("progress") + ") VALUES (?, ?, ?)", List.of(app, name, progress)));
    }

    /** Removes a migration's row. */
    void forget(String app, String name) {
        database.update(CompiledSql.of("DELETE FROM " + q(TABLE) + " WHERE " + q("app") + " = ? AND " + q("name")
                + " = ?", List.of(app, name)));
    }
}
