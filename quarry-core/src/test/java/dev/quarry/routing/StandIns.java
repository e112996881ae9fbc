package dev.quarry.routing;

import dev.quarry.Quarry;
import dev.quarry.Router;
import dev.quarry.test.TestDatabases;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A primary and replicas stood in for by separate databases of one backend (SQLite files, or
 * isolated schemas/databases on a server), each with the tables: no replication, so each holds the
 * rows a test writes to it by name, and a read shows which database answered. Removes everything
 * on close, last made first.
 */
final class StandIns implements AutoCloseable {
    private final Path dir;
    private final Deque<Runnable> cleanup = new ArrayDeque<>();
    private int files;

    StandIns(Path dir) {
        this.dir = dir;
    }

    /** SQLite, and every server backend that answers. */
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

    /** A Quarry of "default" and {@code replicas} on {@code backend} with the routers; every database has the tables. */
    Quarry quarry(String backend, List<String> replicas, Router... routers) {
        Quarry.Builder b = Quarry.builder().models(Folder.class, Note.class);
        List<String[]> made = new ArrayList<>();
        String[] primary = create(backend);
        made.add(primary);
        b.url(primary[0]).user(primary[1]).password(primary[2]);
        for (String r : replicas) {
            String[] db = create(backend);
            made.add(db);
            b.database(r, db[0], db[1], db[2]);
        }
        for (String[] db : made) {
            // A replica gets its tables by replication; a stand-in gets them from a Quarry without routers.
            try (Quarry plain = Quarry.builder().url(db[0]).user(db[1]).password(db[2]).models(Folder.class, Note.class)
                    .build()) {
                plain.createTables();
            }
        }
        for (Router r : routers) {
            b.router(r);
        }
        Quarry q = b.build();
        cleanup.push(q::close);
        return q;
    }

    private String[] create(String backend) {
        if (backend.equals("sqlite")) {
            return new String[] {"jdbc:sqlite:" + dir.resolve("db" + (++files) + ".db"), null, null};
        }
        TestDatabases.Target target = TestDatabases.active().stream().filter(t -> t.label().equals(backend)).findFirst()
                .orElseThrow();
        TestDatabases.Isolated database = target.create();
        cleanup.push(database::drop);
        return new String[] {database.url(), target.user(), target.password()};
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
