package dev.quarry.spring;

import dev.quarry.Quarry;
import dev.quarry.spring.library.Title;
import dev.quarry.spring.library.Writer;
import dev.quarry.test.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A private database for one test on one backend (a SQLite file, a PostgreSQL schema, a MariaDB
 * database, from quarry-test's {@link TestDatabases}), and the Spring properties that reach it.
 */
record TestDatabase(String backend, String url, String user, String password, Runnable drop) implements AutoCloseable {
    /** SQLite, and every server backend quarry-test finds (required under {@code CI=true} when named). */
    static List<String> backends() {
        List<String> out = new ArrayList<>();
        out.add("sqlite");
        for (TestDatabases.Target t : TestDatabases.active()) {
            if (!t.vendor().equals("sqlite")) {
                out.add(t.label());
            }
        }
        return out;
    }

    /** A new empty database on {@code backend}. */
    static TestDatabase create(String backend) {
        if (backend.equals("sqlite")) {
            try {
                Path file = Files.createTempFile("quarry-spring-", ".db");
                return new TestDatabase(backend, "jdbc:sqlite:" + file, null, null, () -> {
                    for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
                        try {
                            Files.deleteIfExists(Path.of(file + suffix));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        TestDatabases.Target target = TestDatabases.active().stream().filter(t -> t.label().equals(backend)).findFirst()
                .orElseThrow();
        TestDatabases.Isolated db = target.create();
        return new TestDatabase(backend, db.url(), target.user(), target.password(), db::drop);
    }

    /** The {@code spring.datasource.*} properties of this database (a small pool). */
    String[] springDataSource() {
        List<String> p = new ArrayList<>(List.of("spring.datasource.url=" + url, "spring.datasource.hikari.maximum-pool-size=4"));
        if (user != null) {
            p.add("spring.datasource.username=" + user);
        }
        if (password != null) {
            p.add("spring.datasource.password=" + password);
        }
        return p.toArray(String[]::new);
    }

    /** The {@code quarry.replicas.NAME.*} properties that make this database a replica named {@code name}. */
    String[] asReplica(String name) {
        List<String> p = new ArrayList<>(List.of("quarry.replicas." + name + ".url=" + url));
        if (user != null) {
            p.add("quarry.replicas." + name + ".username=" + user);
        }
        if (password != null) {
            p.add("quarry.replicas." + name + ".password=" + password);
        }
        return p.toArray(String[]::new);
    }

    /** Creates the test models' tables here, with a Quarry of its own (a replica gets them by replication). */
    void createTables() {
        try (Quarry q = Quarry.builder().url(url).user(user).password(password).models(Writer.class, Title.class).build()) {
            q.createTables();
        }
    }

    @Override
    public void close() {
        drop.run();
    }
}
