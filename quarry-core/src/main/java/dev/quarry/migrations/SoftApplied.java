package dev.quarry.migrations;

import dev.quarry.db.Database;
import dev.quarry.migrations.MigrationGraph.Node;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Django's {@code --fake-initial} test ({@code detect_soft_applied}): an initial migration (none of its
 * dependencies is of its own app) counts as applied without running when it creates or adds something and
 * every table it creates (with its many-to-many tables) and every column it adds exist already. Operations
 * on models the routers keep off this database are not looked for. Asks the driver's metadata.
 */
final class SoftApplied {
    private final Database database;
    private final Set<String> refused;

    SoftApplied(Database database, Set<String> refused) {
        this.database = database;
        this.refused = refused;
    }

    /** Whether {@code n} is initial and its tables and columns exist; {@code states} are those before each operation and after. */
    boolean initialAndPresent(Node n, List<ProjectState> states) {
        if (n.dependencies().stream().anyMatch(d -> d.app().equals(n.app()))) {
            return false;
        }
        List<Operation> ops = n.migration().operations();
        return database.withConnection(c -> {
            boolean found = false;
            for (int i = 0; i < ops.size(); i++) {
                Operation op = ops.get(i);
                if (op.models().stream().anyMatch(refused::contains)) {
                    continue;
                }
                ProjectState after = states.get(i + 1);
                if (op.factory().equals("createModel")) {
                    ModelState m = after.model(op.models().get(0));
                    if (!table(c, m.table()) || m.manyToMany().stream().anyMatch(mm -> !table(c, mm.throughTable()))) {
                        return false;
                    }
                    found = true;
                } else if (op.factory().equals("addField")) {
                    ModelState m = after.model(op.models().get(0));
                    FieldState f = (FieldState) op.arguments().get(1);
                    if (!column(c, m.table(), m.field(f.name()).column())) {
                        return false;
                    }
                    found = true;
                } else if (op.factory().equals("addManyToMany")) {
                    if (!table(c, ((ManyToManyState) op.arguments().get(1)).throughTable())) {
                        return false;
                    }
                    found = true;
                }
            }
            return found;
        });
    }

    private static boolean table(Connection c, String table) {
        try {
            DatabaseMetaData md = c.getMetaData();
            try (ResultSet rs = md.getTables(c.getCatalog(), c.getSchema(), null, new String[] {"TABLE"})) {
                while (rs.next()) {
                    if (table.equalsIgnoreCase(rs.getString("TABLE_NAME"))) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            throw new MigrationError("Cannot read the tables of the database for --fake-initial: " + e.getMessage(), e);
        }
    }

    private static boolean column(Connection c, String table, String column) {
        try {
            DatabaseMetaData md = c.getMetaData();
            try (ResultSet rs = md.getColumns(c.getCatalog(), c.getSchema(), table, null)) {
                while (rs.next()) {
                    if (table.equalsIgnoreCase(rs.getString("TABLE_NAME"))
                            && column.toLowerCase(Locale.ROOT).equals(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT))) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            throw new MigrationError("Cannot read the columns of the database for --fake-initial: " + e.getMessage(), e);
        }
    }
}
