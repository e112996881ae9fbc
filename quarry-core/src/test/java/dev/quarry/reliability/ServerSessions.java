package dev.quarry.reliability;

import dev.quarry.load.Session;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * What the server sees of one {@link Fixture}'s connections, through an admin connection of its own,
 * and how a fault test kills one of them: PostgreSQL {@code pg_terminate_backend}, MariaDB
 * {@code KILL CONNECTION}, SQLite by closing the driver's connection under Quarry. On PostgreSQL the
 * fixture's sessions carry its database name as their application name; on MariaDB they are the
 * sessions whose current database is the fixture's.
 */
final class ServerSessions implements AutoCloseable {
    private final Fixture f;
    private final Connection admin;

    ServerSessions(Fixture f) {
        this.f = f;
        this.admin = f.vendor().equals("sqlite") ? null : connect(f.target.serverUrl());
    }

    private Connection connect(String url) {
        Properties p = new Properties();
        if (f.target.user() != null) {
            p.setProperty("user", f.target.user());
        }
        if (f.target.password() != null) {
            p.setProperty("password", f.target.password());
        }
        try {
            return DriverManager.getConnection(url, p);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Kills the connection the calling thread's transaction runs on, from the admin connection (on
     * SQLite: closes the driver's connection behind any pool proxy). Returns once the server has done it.
     */
    void killCurrent() {
        Session.of(f.quarry).database().withConnection(c -> {
            switch (f.vendor()) {
                case "postgresql" -> {
                    long pid = single(c, "SELECT pg_backend_pid()");
                    long killed = single(admin, "SELECT CASE WHEN pg_terminate_backend(" + pid + ", 5000) THEN 1 ELSE 0 END");
                    if (killed != 1) {
                        throw new IllegalStateException("pg_terminate_backend(" + pid + ") did not end the session");
                    }
                }
                case "mysql" -> {
                    long id = single(c, "SELECT CONNECTION_ID()");
                    try (Statement s = admin.createStatement()) {
                        s.execute("KILL CONNECTION " + id);
                    }
                }
                default -> c.unwrap(org.sqlite.SQLiteConnection.class).close();
            }
            return null;
        });
    }

    /**
     * The fixture's sessions that hold a transaction open: PostgreSQL {@code idle in transaction};
     * MariaDB InnoDB transactions of its sessions; SQLite 1 when another connection holds the write
     * lock or a read snapshot that stops a WAL checkpoint, else 0.
     */
    long openTransactions() {
        try {
            return switch (f.vendor()) {
                case "postgresql" -> single(admin, "SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
                        + f.database.name() + "' AND state LIKE 'idle in transaction%'");
                case "mysql" -> innodbTransactions();
                default -> sqliteBusy();
            };
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * InnoDB's transactions of the fixture's sessions. INNODB_TRX is a cache that InnoDB refreshes
     * only when it was last read more than 0.1 s ago (so reads in quick succession would see the
     * same old transactions for ever): wait that long first.
     */
    private long innodbTransactions() throws SQLException, InterruptedException {
        Thread.sleep(150);
        return single(admin, "SELECT count(*) FROM information_schema.INNODB_TRX t "
                        + "JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id WHERE p.DB = '"
                        + f.database.name() + "'");
    }

    /**
     * {@link #openTransactions()} once the server has finished with the sessions just killed (MariaDB
     * shows a killed session's transaction until it has rolled back); a transaction left open by
     * Quarry stays, and is counted.
     */
    long openTransactionsSettled() throws InterruptedException {
        long n = openTransactions();
        for (int i = 0; i < 50 && n > 0; i++) {
            Thread.sleep(100);
            n = openTransactions();
        }
        return n;
    }

    /** The fixture's sessions open on the server (-1 on SQLite, which has no server). */
    long sessions() {
        try {
            return switch (f.vendor()) {
                case "postgresql" -> single(admin, "SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
                        + f.database.name() + "'");
                case "mysql" -> single(admin, "SELECT count(*) FROM information_schema.PROCESSLIST WHERE DB = '"
                        + f.database.name() + "'");
                default -> -1;
            };
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fixture's sessions once the server has noticed the ones just closed (it may take a moment). */
    long sessionsSettled() throws InterruptedException {
        long n = sessions();
        for (int i = 0; i < 50 && n > 0; i++) {
            Thread.sleep(100);
            n = sessions();
        }
        return n;
    }

    private long sqliteBusy() throws SQLException {
        try (Connection c = DriverManager.getConnection(f.url); Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 0");
            try (ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                rs.next();
                if (rs.getInt(1) != 0) {
                    return 1;
                }
            }
            try {
                s.execute("BEGIN IMMEDIATE");
                s.execute("ROLLBACK");
                return 0;
            } catch (SQLException locked) {
                return 1;
            }
        }
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        if (admin != null) {
            admin.close();
        }
    }
}
