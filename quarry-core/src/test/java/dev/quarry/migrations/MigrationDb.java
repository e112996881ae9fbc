package dev.quarry.migrations;

import dev.quarry.Model;
import dev.quarry.Quarry;
import dev.quarry.db.Database;
import dev.quarry.load.Session;
import dev.quarry.sql.CompiledSql;
import dev.quarry.test.TestDatabases;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A private, empty database on one backend for a migrations test (migrations commit, so the
 * rolled-back {@code @QuarryTest} transaction does not fit), with a Quarry of the given models on it,
 * dropped afterwards; plus raw reads of what the migrations did.
 */
final class MigrationDb implements AutoCloseable {
    final TestDatabases.Target target;
    final TestDatabases.Isolated database;
    final Quarry quarry;

    @SafeVarargs
    MigrationDb(TestDatabases.Target target, Class<? extends Model>... models) {
        this(target, target.create(), models);
    }

    /** A Quarry of {@code models} on {@code database}, a private database made already; dropped by {@link #close()}. */
    @SafeVarargs
    MigrationDb(TestDatabases.Target target, TestDatabases.Isolated database, Class<? extends Model>... models) {
        this.target = target;
        this.database = database;
        this.quarry = open(models);
    }

    /** Another Quarry on the same database (a second application instance). */
    @SafeVarargs
    final Quarry open(Class<? extends Model>... models) {
        return Quarry.builder().url(database.url()).user(target.user()).password(target.password()).models(models).build();
    }

    static Stream<TestDatabases.Target> backends() {
        return TestDatabases.active().stream();
    }

    Database db() {
        return Session.of(quarry).database();
    }

    /** The rows of a query, each as a list of column values (read as strings, numbers as longs). */
    List<List<Object>> rows(String sql) {
        return db().query(CompiledSql.of(sql, List.of()), rs -> {
            List<List<Object>> out = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(value(rs, i));
                }
                out.add(row);
            }
            return out;
        });
    }

    private static Object value(ResultSet rs, int i) throws java.sql.SQLException {
        Object o = rs.getObject(i);
        if (o instanceof Number num && !(o instanceof java.math.BigDecimal)) {
            return num.longValue();
        }
        if (o instanceof java.math.BigDecimal d) {
            return d.longValue();
        }
        return o == null ? null : o.toString();
    }

    /** The single number a query answers. */
    long number(String sql) {
        return ((Number) rows(sql).get(0).get(0)).longValue();
    }

    /** Whether the table exists, asked of the driver. */
    boolean hasTable(String table) {
        return db().withConnection(c -> {
            try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), table, null)) {
                while (rs.next()) {
                    if (rs.getString("TABLE_NAME").equalsIgnoreCase(table)) {
                        return true;
                    }
                }
                return false;
            }
        });
    }

    /** The table's column names, lower-cased, in order. */
    List<String> columns(String table) {
        return db().withConnection(c -> {
            List<String> out = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getColumns(c.getCatalog(), c.getSchema(), table, null)) {
                while (rs.next()) {
                    if (rs.getString("TABLE_NAME").equalsIgnoreCase(table)) {
                        out.add(rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
                    }
                }
            }
            return out;
        });
    }

    /** Runs statements outside migrations. */
    void execute(String... statements) {
        db().execute(List.of(statements));
    }

    @Override
    public void close() {
        try {
            quarry.close();
        } finally {
            database.drop();
        }
    }
}
