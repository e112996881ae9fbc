package dev.quarry.backend.sqlite;

import dev.quarry.backend.BaseBackend;
import dev.quarry.spi.Feature;
import dev.quarry.spi.Features;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;

/** SQLite through sqlite-jdbc: the embedded default. */
public final class SqliteBackend extends BaseBackend {
    // SQLite's default SQLITE_MAX_VARIABLE_NUMBER since 3.32 is 32766.
    private static final Features FEATURES = new Features(EnumSet.of(Feature.RETURNING, Feature.NULLS_ORDERING,
            Feature.TRANSACTIONAL_DDL, Feature.GROUP_BY_SELECTED_PK, Feature.CASE_SENSITIVE_EQUALITY), 32_000, 32_766);

    public SqliteBackend() {
        this(new SqliteOperations(FEATURES));
    }

    private SqliteBackend(SqliteOperations ops) {
        super("sqlite", List.of("jdbc:sqlite:"), FEATURES, ops, new SqliteSchemaEditor(ops));
    }

    @Override
    public void initConnection(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA foreign_keys = ON");
        }
    }

    @Override
    public List<String> shellCommand(String jdbcUrl) {
        return List.of("sqlite3", jdbcUrl.substring("jdbc:sqlite:".length()));
    }
}
