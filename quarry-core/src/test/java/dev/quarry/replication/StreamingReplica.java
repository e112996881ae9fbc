package dev.quarry.replication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL streaming replica of the local test server, for one test class: {@code pg_basebackup
 * -R} of the server into a temporary directory, a {@code postgresql.conf} and {@code pg_hba.conf} of
 * its own (Debian keeps the server's in /etc), {@code pg_ctl start} on a free port, then waiting until
 * it is in recovery and has replayed what the primary had written. {@link #stop()} stops it (the
 * primary is never touched beyond the base backup's checkpoint and the replication connection) and
 * {@link #close()} removes the directory. Run as root, the server tools run as the {@code postgres}
 * OS user ({@code runuser}), since PostgreSQL refuses to run as root.
 *
 * <p>{@link #start} throws {@link Unavailable} when it cannot be done here: no server tools, or a
 * primary that accepts no replication connection (its {@code pg_hba.conf} needs a
 * {@code host replication ...} line; {@code .ci/run} adds one).
 */
final class StreamingReplica implements AutoCloseable {
    /** Why a replica cannot be started on this machine. */
    static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message);
        }
    }

    private final String primaryUrl;
    private final Properties credentials;
    private final Path bin;
    private final Path dir;
    private final Path data;
    private final int port;
    private final boolean asPostgres;
    private boolean running;

    private StreamingReplica(String primaryUrl, Properties credentials, Path bin, Path dir, int port, boolean asPostgres) {
        this.primaryUrl = primaryUrl;
        this.credentials = credentials;
        this.bin = bin;
        this.dir = dir;
        this.data = dir.resolve("data");
        this.port = port;
        this.asPostgres = asPostgres;
    }

    /** Starts a replica of the server at {@code primaryUrl} ({@code jdbc:postgresql://host:port/db}) and waits until it has caught up. */
    static StreamingReplica start(String primaryUrl, String user, String password) throws Unavailable {
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        int major;
        List<String> settings = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(primaryUrl, p); Statement s = c.createStatement()) {
            major = (int) (single(s, "SHOW server_version_num") / 10_000);
            // A hot standby needs at least the primary's values of these.
            for (String name : List.of("max_connections", "max_worker_processes", "max_wal_senders",
                    "max_prepared_transactions", "max_locks_per_transaction")) {
                settings.add(name + " = " + single(s, "SHOW " + name));
            }
        } catch (SQLException e) {
            throw new Unavailable("the primary did not answer: " + e.getMessage());
        }
        Path bin = Path.of(env("QUARRY_PG_BIN", "/usr/lib/postgresql/" + major + "/bin"));
        if (!Files.isExecutable(bin.resolve("pg_basebackup")) || !Files.isExecutable(bin.resolve("pg_ctl"))) {
            throw new Unavailable("no PostgreSQL " + major + " server tools in " + bin + " (set QUARRY_PG_BIN)");
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        StreamingReplica r;
        try {
            Path dir = Files.createTempDirectory("quarry-replica-");
            r = new StreamingReplica(primaryUrl, p, bin, dir, freePort(), root);
            if (root) {
                r.run(false, "chown", "postgres:postgres", dir.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean ok = false;
        try {
            r.baseBackup(user);
            r.configure(settings);
            r.startServer();
            r.awaitCaughtUp(60_000);
            ok = true;
            return r;
        } finally {
            if (!ok) {
                r.close();
            }
        }
    }

    private void baseBackup(String user) throws Unavailable {
        String hostPort = primaryUrl.substring("jdbc:postgresql://".length()).split("/")[0];
        String host = hostPort.contains(":") ? hostPort.substring(0, hostPort.indexOf(':')) : hostPort;
        String primaryPort = hostPort.contains(":") ? hostPort.substring(hostPort.indexOf(':') + 1) : "5432";
        Result res = run(true, bin.resolve("pg_basebackup").toString(), "-h", host, "-p", primaryPort, "-U",
                user == null ? "postgres" : user, "-D", data.toString(), "-X", "stream", "-R", "-c", "fast", "--no-sync");
        if (res.code != 0) {
            throw new Unavailable("pg_basebackup failed (" + res.output.strip() + ")"
                    + (res.output.contains("replication connection") ? ": the primary's pg_hba.conf needs a line such as "
                    + "'host replication all 127.0.0.1/32 trust' and a reload, as .ci/run adds" : ""));
        }
    }

    private void configure(List<String> settings) {
        List<String> conf = new ArrayList<>(settings);
        conf.addAll(List.of("port = " + port, "listen_addresses = '127.0.0.1'", "unix_socket_directories = '" + dir + "'",
                "hot_standby = on", "shared_buffers = 32MB", "fsync = off", "synchronous_commit = off",
                "full_page_writes = off", "wal_receiver_status_interval = 1s", "max_standby_streaming_delay = 5s",
                "hba_file = '" + data.resolve("pg_hba.conf") + "'", "ident_file = '" + data.resolve("pg_ident.conf") + "'"));
        write(data.resolve("postgresql.conf"), String.join("\n", conf) + "\n");
        write(data.resolve("pg_hba.conf"), "local all all trust\nhost all all 127.0.0.1/32 trust\n");
        write(data.resolve("pg_ident.conf"), "");
    }

    private void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            if (asPostgres) {
                run(false, "chown", "postgres:postgres", file.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts (or restarts) the replica's server and waits until it answers. */
    void startServer() throws Unavailable {
        Result res = run(true, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                dir.resolve("replica.log").toString(), "-w", "-t", "60", "start");
        if (res.code != 0) {
            throw new Unavailable("pg_ctl start failed (" + res.output.strip() + "): " + tail(dir.resolve("replica.log")));
        }
        running = true;
    }

    /** Stops the replica's server at once (the primary goes on). */
    void stop() {
        if (running) {
            run(true, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
            running = false;
        }
    }

    /** The JDBC URL of database {@code database} on the replica, with {@code suffix} (such as {@code ?currentSchema=x}). */
    String url(String database, String suffix) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + suffix;
    }

    /** Waits until the replica has replayed everything the primary has written so far. */
    void awaitCaughtUp(long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        String target;
        try (Connection c = DriverManager.getConnection(primaryUrl, credentials); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_current_wal_lsn()::text")) {
            rs.next();
            target = rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        SQLException last = null;
        while (System.currentTimeMillis() < deadline) {
            try (Connection c = DriverManager.getConnection(url("postgres", ""), credentials); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT pg_is_in_recovery() AND pg_last_wal_replay_lsn() >= '" + target
                         + "'::pg_lsn")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return;
                }
            } catch (SQLException e) {
                last = e;
            }
            sleep(50);
        }
        throw new IllegalStateException("The replica did not replay up to " + target + " within " + timeoutMillis + " ms"
                + (last == null ? "" : ": " + last.getMessage()) + "; its log: " + tail(dir.resolve("replica.log")));
    }

    /** Pauses (or resumes) replaying WAL on the replica: it keeps receiving, and its lag grows. */
    void replay(boolean on) {
        try (Connection c = DriverManager.getConnection(url("postgres", ""), credentials); Statement s = c.createStatement()) {
            s.execute(on ? "SELECT pg_wal_replay_resume()" : "SELECT pg_wal_replay_pause()");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private record Result(int code, String output) {}

    private Result run(boolean asServerUser, String... command) {
        List<String> cmd = new ArrayList<>();
        if (asServerUser && asPostgres) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(List.of(command));
        try {
            Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            proc.getOutputStream().close();
            if (!proc.waitFor(120, TimeUnit.SECONDS)) {
                proc.destroyForcibly();
                return new Result(-1, "timed out: " + cmd);
            }
            return new Result(proc.exitValue(), new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return Long.parseLong(rs.getString(1).replaceAll("[^0-9]", ""));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
