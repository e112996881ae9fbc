package dev.quarry.backend.sqlite;

import dev.quarry.backend.BaseBackend;
import dev.quarry.spi.Feature;
import dev.quarry.spi.Features;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** SQLite through sqlite-jdbc: the embedded default; each connection gets the REGEXP function ({@link SqliteRegexp}). */
public final class SqliteBackend extends BaseBackend {
    // SQLite's default SQLITE_MAX_VARIABLE_NUMBER since 3.32 is 32766.
    private static final Features FEATURES = new Features(EnumSet.of(Feature.RETURNING, Feature.NULLS_ORDERING,
            Feature.TRANSACTIONAL_DDL, Feature.GROUP_BY_SELECTED_PK, Feature.AGGREGATE_FILTER_CLAUSE, Feature.CASE_SENSITIVE_EQUALITY, Feature.SINGLE_WRITER,
            Feature.FLOAT_INFINITY, Feature.ON_CONFLICT_TARGET, Feature.DEEP_JSON), 32_000, 32_766);

    /** The backend, as {@code ServiceLoader} creates it. */
    public SqliteBackend() {
        this(new SqliteOperations(FEATURES));
    }

    private SqliteBackend(SqliteOperations ops) {
        super("sqlite", List.of("jdbc:sqlite:"), FEATURES, ops, new SqliteSchemaEditor(ops));
    }

    /** How long a statement waits for another connection's lock before failing with "database is locked" (Django's default too). */
    static final int BUSY_TIMEOUT_MS = 5000;

    /**
     * Foreign keys on; a busy timeout, so that writers from several threads wait for each other
     * instead of failing; and WAL for file databases, so readers do not wait for a writer.
     */
    @Override
    public void initConnection(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA foreign_keys = ON");
            s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
            if (!isMemory(connection.getMetaData().getURL())) {
                useWal(s);
            }
        }
        registerRegexp(connection);
    }

    /** SQLite's primary result code for "database is locked". */
    private static final int SQLITE_BUSY = 5;

    /**
     * Switches a file database to WAL. The switch needs the database to itself, and SQLite refuses it at
     * once, without its busy handler, while another connection is writing to a database not yet in WAL
     * (two application instances starting on a new file, say); so a refused switch is retried, with
     * pauses of up to 50 ms, for as long as the busy timeout would have waited.
     */
    private static void useWal(Statement s) throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BUSY_TIMEOUT_MS);
        long pauseMs = 1;
        while (true) {
            try {
                s.execute("PRAGMA journal_mode = WAL");
                return;
            } catch (SQLException e) {
                if (e.getErrorCode() != SQLITE_BUSY || System.nanoTime() + pauseMs * 1_000_000 > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(pauseMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("Interrupted while waiting to switch the SQLite database to WAL", "57014", e);
            }
            pauseMs = Math.min(pauseMs * 2, 50);
        }
    }

    /** Registers SQLite's REGEXP function ({@link SqliteRegexp}), loaded by name so the core needs no driver to compile against at run time. */
    private static void registerRegexp(Connection connection) throws SQLException {
        try {
            Class.forName("dev.quarry.backend.sqlite.SqliteRegexp").getMethod("register", Connection.class)
                    .invoke(null, connection);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new SQLException("Could not register SQLite's REGEXP function", e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new SQLException("Could not register SQLite's REGEXP function (is sqlite-jdbc on the class path?)", e);
        }
    }

    /**
     * Transactions take the write lock when they begin ({@code BEGIN IMMEDIATE}): two transactions
     * that read and then write would otherwise deadlock on the upgrade, and SQLite would fail one at
     * once, whatever the busy timeout. Set only on connections Quarry opens; a DataSource of the
     * user's should set {@code transaction_mode=IMMEDIATE} itself.
     */
    @Override
    public Map<String, String> connectionProperties(String jdbcUrl) {
        return Map.of("transaction_mode", "IMMEDIATE", "busy_timeout", String.valueOf(BUSY_TIMEOUT_MS));
    }

    /** An in-memory database lives as long as its connection, so Quarry keeps one and lends it to one thread at a time. */
    @Override
    public boolean singleConnection(String jdbcUrl) {
        return isMemory(jdbcUrl);
    }

    static boolean isMemory(String url) {
        return url == null || url.equals("jdbc:sqlite:") || url.contains(":memory:") || url.contains("mode=memory");
    }

    /** {@code sqlite3 FILE}; an in-memory database has no file to open, so no shell (an empty list). */
    @Override
    public List<String> shellCommand(String jdbcUrl) {
        if (isMemory(jdbcUrl)) {
            return List.of();
        }
        String file = jdbcUrl.substring("jdbc:sqlite:".length());
        int q = file.indexOf('?');
        file = q < 0 ? file : file.substring(0, q);
        return List.of("sqlite3", file.startsWith("file:") ? file.substring("file:".length()) : file);
    }

    @Override
    public dev.quarry.spi.Introspection introspection() {
        return new SqliteIntrospection();
    }
}
