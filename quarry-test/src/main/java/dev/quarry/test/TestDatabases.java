package dev.quarry.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Which backends the tests run on, and how each makes a private database for one test class.
 * {@code QUARRY_TEST_DATABASES} (or {@code -Dquarry.test.databases}) names them
 * ({@code sqlite,postgresql,mariadb}; {@code mysql} and {@code mariadb} are one backend). Unset:
 * SQLite plus whichever server answers on localhost. Under {@code CI=true}, a named backend that
 * does not answer fails the run instead of being skipped.
 */
public final class TestDatabases {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<String, String> REACHABILITY = new HashMap<>();

    private TestDatabases() {}

    /** One backend under test: how to reach its server and make an isolated database on it. */
    public record Target(String vendor, String serverUrl, String user, String password) {
        /** Creates a private schema, database or file; drop it with {@link Isolated#drop()}. */
        public Isolated create() {
            String name = "quarry_" + HexFormat.of().formatHex(RANDOM.generateSeed(5));
            try {
                switch (vendor) {
                    case "sqlite" -> {
                        Path file = Files.createTempFile("quarry-test-", ".db");
                        return new Isolated(this, "jdbc:sqlite:" + file, name, () -> {
                            Files.deleteIfExists(file);
                            Files.deleteIfExists(Path.of(file + "-journal"));
                            Files.deleteIfExists(Path.of(file + "-wal"));
                            Files.deleteIfExists(Path.of(file + "-shm"));
                        });
                    }
                    case "postgresql" -> {
                        admin("CREATE SCHEMA " + name);
                        String url = serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
                        return new Isolated(this, url, name, () -> admin("DROP SCHEMA IF EXISTS " + name + " CASCADE"));
                    }
                    default -> {
                        admin("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin");
                        String base = serverUrl.endsWith("/") ? serverUrl : serverUrl + "/";
                        return new Isolated(this, base + name, name, () -> admin("DROP DATABASE IF EXISTS " + name));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Connection connect(String url) throws SQLException {
            Properties p = new Properties();
            if (user != null) {
                p.setProperty("user", user);
            }
            if (password != null) {
                p.setProperty("password", password);
            }
            return DriverManager.getConnection(url, p);
        }

        void admin(String ddl) {
            try (Connection c = connect(serverUrl); Statement s = c.createStatement()) {
                s.execute(ddl);
            } catch (SQLException e) {
                throw new IllegalStateException("Test database setup failed on " + vendor + " (" + ddl + "): " + e.getMessage(), e);
            }
        }

        /** The display name in test reports. */
        public String label() {
            return vendor.equals("mysql") ? "mariadb" : vendor;
        }
    }

    /** A private database of one test class. */
    public record Isolated(Target target, String url, String name, Dropper dropper) {
        /** Drops the database (file, schema or database). */
        public void drop() {
            try {
                dropper.drop();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Removes an isolated database. */
    @FunctionalInterface
    public interface Dropper {
        /**
         * Drops the database, schema or file.
         *
         * @throws IOException if it cannot be removed
         */
        void drop() throws IOException;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    static Target target(String vendor) {
        return switch (vendor) {
            case "sqlite" -> new Target("sqlite", "jdbc:sqlite:", null, null);
            case "postgresql" -> new Target("postgresql", env("QUARRY_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test"),
                    env("QUARRY_PG_USER", "postgres"), env("QUARRY_PG_PASSWORD", null));
            case "mysql" -> new Target("mysql", env("QUARRY_MYSQL_URL", "jdbc:mariadb://127.0.0.1:3306/"),
                    env("QUARRY_MYSQL_USER", "root"), env("QUARRY_MYSQL_PASSWORD", ""));
            default -> throw new IllegalArgumentException("Unknown test database '" + vendor
                    + "' in QUARRY_TEST_DATABASES; choices are sqlite, postgresql, mysql, mariadb");
        };
    }

    /** The backends to run on, in order; throws under CI when a named one does not answer. */
    public static synchronized List<Target> active() {
        String named = System.getProperty("quarry.test.databases", System.getenv("QUARRY_TEST_DATABASES"));
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        boolean explicit = named != null && !named.isBlank();
        LinkedHashSet<String> vendors = new LinkedHashSet<>();
        if (explicit) {
            for (String n : named.split(",")) {
                String v = n.trim().toLowerCase(Locale.ROOT);
                if (!v.isEmpty()) {
                    vendors.add(v.equals("mariadb") ? "mysql" : v.equals("postgres") ? "postgresql" : v);
                }
            }
        } else {
            vendors.add("sqlite");
            vendors.add("postgresql");
            vendors.add("mysql");
        }
        List<Target> out = new ArrayList<>();
        for (String v : vendors) {
            Target t = target(v);
            String problem = v.equals("sqlite") ? null : REACHABILITY.computeIfAbsent(v, k -> reach(t));
            if (problem == null) {
                out.add(t);
            } else if (explicit && ci) {
                throw new IllegalStateException(String.format("QUARRY_TEST_DATABASES names %s, but %s did not answer (%s). "
                        + "Start it (%s), or leave it out of QUARRY_TEST_DATABASES.", t.label(), t.serverUrl(), problem,
                        v.equals("postgresql") ? "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start"
                                : "start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd"));
            } else if (explicit) {
                System.err.printf("[quarry-test] skipping %s: %s did not answer (%s)%n", t.label(), t.serverUrl(), problem);
            }
        }
        return out;
    }

    private static String reach(Target t) {
        DriverManager.setLoginTimeout(3);
        try (Connection c = t.connect(t.serverUrl())) {
            return c.isValid(3) ? null : "connection not valid";
        } catch (SQLException e) {
            return e.getMessage();
        }
    }
}
