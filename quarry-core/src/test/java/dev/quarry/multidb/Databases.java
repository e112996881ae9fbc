package dev.quarry.multidb;

import dev.quarry.Quarry;
import dev.quarry.Router;
import dev.quarry.test.TestDatabases;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Makes Quarrys with several databases of one backend for a test (SQLite files in a directory, or
 * isolated schemas/databases on a server) and removes them afterwards, last made first.
 */
final class Databases implements AutoCloseable {
    private final Path dir;
    private final Deque<Runnable> cleanup = new ArrayDeque<>();
    private int files;

    Databases(Path dir) {
        this.dir = dir;
    }

    /** SQLite, and every server backend that answers (the labels of {@link TestDatabases}). */
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

    /** A new empty database on {@code backend}: its URL, user and password. */
    String[] create(String backend) {
        if (backend.equals("sqlite")) {
            return new String[] {"jdbc:sqlite:" + dir.resolve("db" + (++files) + ".db"), null, null};
        }
        TestDatabases.Target target = TestDatabases.active().stream().filter(t -> t.label().equals(backend)).findFirst()
                .orElseThrow();
        TestDatabases.Isolated database = target.create();
        cleanup.push(database::drop);
        return new String[] {database.url(), target.user(), target.password()};
    }

    /**
     * A Quarry on {@code backend} with one database per name (the first is "default"), the models,
     * the routers, and each database's tables (as the routers allow) created.
     */
    Quarry quarry(String backend, List<String> names, List<Router> routers, Consumer<Quarry.Builder> more) {
        Quarry.Builder b = Quarry.builder().models(Author.class, Book.class, Tag.class);
        for (String name : names) {
            String[] db = create(backend);
            if (name.equals("default")) {
                b.url(db[0]).user(db[1]).password(db[2]);
            } else {
                b.database(name, db[0], db[1], db[2]);
            }
        }
        for (Router r : routers) {
            b.router(r);
        }
        more.accept(b);
        Quarry q = b.build();
        cleanup.push(q::close);
        q.createTables();
        return q;
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        while (!cleanup.isEmpty()) {
            try {
                cleanup.pop().run();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
