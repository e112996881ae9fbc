package dev.quarry.cli;

import dev.quarry.test.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/** Reads what a command did to a test database, with plain JDBC (so nothing of Quarry's is trusted to look). */
final class Db {
    private Db() {}

    private static Connection connect(TestDatabases.Isolated db) throws SQLException {
        Properties p = new Properties();
        if (db.target().user() != null) {
            p.setProperty("user", db.target().user());
        }
        if (db.target().password() != null) {
            p.setProperty("password", db.target().password());
        }
        return DriverManager.getConnection(db.url(), p);
    }

    /** The rows of a query, each as its values joined with {@code |}. */
    static List<String> rows(TestDatabases.Isolated db, String sql) {
        try (Connection c = connect(db); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(String.valueOf(rs.getObject(i)));
                }
                out.add(String.join("|", row));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Runs statements (DDL or writes) with auto-commit, as a tool outside Quarry would. */
    static void execute(TestDatabases.Isolated db, String... statements) {
        try (Connection c = connect(db); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The table's column names, lower-cased, in order; empty when there is no such table. */
    static List<String> columns(TestDatabases.Isolated db, String table) {
        try (Connection c = connect(db);
             ResultSet rs = c.getMetaData().getColumns(c.getCatalog(), c.getSchema(), table, null)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                if (rs.getString("TABLE_NAME").equalsIgnoreCase(table)) {
                    out.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The applied migrations in {@code quarry_migrations}, as {@code app.Name}, in the order applied. */
    static List<String> history(TestDatabases.Isolated db) {
        return rows(db, "SELECT app, name FROM quarry_migrations WHERE applied IS NOT NULL ORDER BY id").stream()
                .map(r -> r.replace('|', '.')).toList();
    }
}
