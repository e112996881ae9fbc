package dev.quarry.spring;

import dev.quarry.ImproperlyConfigured;
import dev.quarry.ModelInfo;
import dev.quarry.Quarry;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code quarry.create-tables}: the models' tables, created on a database that has none of them yet. */
final class Tables {
    private static final Logger LOG = LoggerFactory.getLogger(Tables.class);

    private Tables() {}

    /** Creates the tables on every database of {@code quarry} when the application's database has none; leaves a complete schema alone. */
    static void createIfAbsent(Quarry quarry, DataSource dataSource) {
        List<String> present = new ArrayList<>();
        List<String> tables = quarry.models().stream().map(ModelInfo::table).toList();
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            for (String table : tables) {
                try (ResultSet rs = meta.getTables(c.getCatalog(), c.getSchema(), table, new String[] {"TABLE"})) {
                    if (rs.next()) {
                        present.add(table);
                    }
                }
            }
        } catch (SQLException e) {
            throw new ImproperlyConfigured("quarry.create-tables: cannot read the database's tables (SQLSTATE "
                    + e.getSQLState() + ")");
        }
        if (present.isEmpty()) {
            quarry.createTables();
        } else if (present.size() == tables.size()) {
            LOG.info("quarry.create-tables: the tables {} exist already; nothing created", tables);
        } else {
            throw new ImproperlyConfigured("quarry.create-tables: the database has some of the models' tables " + present
                    + " but not all of " + tables + "; drop them or create the others by a migration");
        }
    }
}
