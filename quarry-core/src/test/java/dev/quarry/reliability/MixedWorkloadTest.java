package dev.quarry.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.Manager;
import dev.quarry.Quarry;
import dev.quarry.test.TestDatabases;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sixteen threads of mixed reads, writes, transactions (committed and rolled back), prefetches,
 * streams and cascade deletes, on every backend, once through a HikariCP pool of 8 and once through
 * Quarry's own connections ({@code url()}). Each thread owns the items whose names start with its
 * prefix and checks every read against what it knows it wrote; all threads read shared seed rows.
 * Afterwards: 0 errors, 0 wrong results, every acknowledged write present with its last value and no
 * rolled-back one, no connection held or left in a transaction.
 */
class MixedWorkloadTest {
    private static final int THREADS = 16;
    private static final int POOL = 8;
    private static final long SECONDS = 3L * Stress.SCALE;
    private static final int SEEDS = 40;

    @ParameterizedTest
    @MethodSource("dev.quarry.reliability.Fixture#backends")
    void sixteenThreadsThroughAPool(TestDatabases.Target target) throws Exception {
        try (Fixture f = Fixture.pooled(target, POOL, c -> c.setConnectionTimeout(30_000))) {
            run(f, "pool");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.quarry.reliability.Fixture#backends")
    void sixteenThreadsThroughUrl(TestDatabases.Target target) throws Exception {
        try (Fixture f = Fixture.direct(target)) {
            run(f, "url");
        }
    }

    private static void run(Fixture f, String mode) throws Exception {
        Manager<Item> items = Item.objects.using(f.quarry);
        List<Item> seeds = new ArrayList<>();
        for (int i = 0; i < SEEDS; i++) {
            seeds.add(new Item());
            seeds.get(i).name = "seed-" + i;
            seeds.get(i).qty = i;
        }
        items.bulkCreate(seeds);
        Queue<String> wrong = new ConcurrentLinkedQueue<>();
        Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
        AtomicLong operations = new AtomicLong();
        List<Worker> workers = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> done = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < THREADS; t++) {
            Worker w = new Worker(f.quarry, "w" + t + "-", seeds, wrong, errors, operations);
            workers.add(w);
            done.add(threads.submit(() -> w.runUntil(deadline)));
        }
        for (Future<?> d : done) {
            d.get(SECONDS + 120, TimeUnit.SECONDS);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        threads.shutdown();

        // Every acknowledged write is there with its last value; no rolled-back one is.
        long lost = 0;
        long phantom = 0;
        long acknowledged = 0;
        for (Worker w : workers) {
            acknowledged += w.writes;
            Map<Long, Item> stored = items.filter("name__startswith", w.prefix).prefetchRelated("notes").list().stream()
                    .collect(Collectors.toMap(it -> it.id, it -> it));
            for (Map.Entry<Long, Integer> e : w.qty.entrySet()) {
                Item it = stored.get(e.getKey());
                if (it == null || it.qty != e.getValue()
                        || it.related("notes", Note.class).count() != w.notes.get(e.getKey())) {
                    lost++;
                }
            }
            phantom += stored.keySet().stream().filter(id -> !w.qty.containsKey(id)).count();
        }
        long expectedNotes = workers.stream().mapToLong(w -> w.notes.values().stream().mapToLong(Integer::longValue).sum()).sum();
        long notes = Note.objects.using(f.quarry).count();
        long rolledBackRows = items.filter("name__contains", "-rb-").count();

        long active;
        long open;
        long sessionsAfterClose;
        try (ServerSessions sessions = new ServerSessions(f)) {
            active = f.pool == null ? 0 : f.pool.getHikariPoolMXBean().getActiveConnections();
            open = sessions.openTransactionsSettled();
            f.quarry.close();
            if (f.pool != null) {
                f.pool.close();
            }
            sessionsAfterClose = sessions.sessionsSettled();
        }
        long ops = operations.get();
        Stress.report("mixed %s %s: %d threads, %.1f s, %,d operations (%,.0f ops/s), %,d acknowledged writes, %d errors, "
                        + "%d wrong results, %d lost writes, %d rolled-back rows visible, %d connections active, "
                        + "%d open transactions, %d sessions after close",
                f.target.label(), mode, THREADS, elapsed, ops, ops / elapsed, acknowledged, errors.size(), wrong.size(),
                lost, phantom + rolledBackRows, active, open, sessionsAfterClose);
        errors.stream().limit(3).forEach(Throwable::printStackTrace);
        assertThat(errors).as("errors").isEmpty();
        assertThat(wrong).as("wrong results").isEmpty();
        assertThat(lost).as("lost acknowledged writes").isZero();
        assertThat(phantom + rolledBackRows).as("rolled-back rows visible").isZero();
        assertThat(notes).as("notes").isEqualTo(expectedNotes);
        assertThat(active).as("connections still borrowed from the pool").isZero();
        assertThat(open).as("sessions left in a transaction").isZero();
        assertThat(sessionsAfterClose).as("sessions left open after close() (-1: SQLite has none)").isLessThanOrEqualTo(0);
        assertThat(ops).as("operations").isGreaterThan(THREADS);
    }

    /** One thread's work: it owns the items named with its prefix and remembers their quantities and note counts. */
    private static final class Worker {
        final Quarry q;
        final String prefix;
        final List<Item> seeds;
        final Queue<String> wrong;
        final Queue<Throwable> errors;
        final AtomicLong operations;
        final Manager<Item> items;
        final Manager<Note> notesOf;
        final Map<Long, Integer> qty = new HashMap<>();
        final Map<Long, Integer> notes = new HashMap<>();
        final List<Long> ids = new ArrayList<>();
        long writes;
        int seq;

        Worker(Quarry q, String prefix, List<Item> seeds, Queue<String> wrong, Queue<Throwable> errors, AtomicLong operations) {
            this.q = q;
            this.prefix = prefix;
            this.seeds = seeds;
            this.wrong = wrong;
            this.errors = errors;
            this.operations = operations;
            this.items = Item.objects.using(q);
            this.notesOf = Note.objects.using(q);
        }

        void runUntil(long deadline) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (System.nanoTime() < deadline) {
                int op = ids.size() < 3 ? 0 : random.nextInt(12);
                try {
                    step(op, random);
                    operations.incrementAndGet();
                } catch (Throwable e) {
                    errors.add(e);
                    if (errors.size() > 50) {
                        return;
                    }
                }
            }
        }

        private void step(int op, ThreadLocalRandom random) {
            Long id = ids.isEmpty() ? null : ids.get(random.nextInt(ids.size()));
            int v = random.nextInt(1_000_000);
            switch (op) {
                case 0 -> { // insert
                    Item it = items.create(Map.of("name", prefix + seq++, "qty", v));
                    remember(it.id, v, 0);
                }
                case 1 -> { // UPDATE by filter
                    check(items.filter("pk", id).update("qty", v) == 1, "update of %d changed no row", id);
                    qty.put(id, v);
                    writes++;
                }
                case 2 -> { // read, change, save()
                    Item it = items.get("pk", id);
                    check(it.qty == qty.get(id) && it.name.startsWith(prefix), "get(%d) read %s/%d, expected %d",
                            id, it.name, it.qty, qty.get(id));
                    it.qty = v;
                    it.save();
                    qty.put(id, v);
                    writes++;
                }
                case 3 -> { // a committed transaction of several statements
                    Item it = q.atomic().call(() -> {
                        Item created = items.create(Map.of("name", prefix + seq++, "qty", -1));
                        notesOf.create(Map.of("item", created, "text", "a"));
                        notesOf.create(Map.of("item", created, "text", "b"));
                        items.filter("pk", created.id).update("qty", v);
                        items.filter("pk", id).update("qty", v);
                        return created;
                    });
                    remember(it.id, v, 2);
                    qty.put(id, v);
                }
                case 4 -> { // a transaction rolled back by an exception
                    try {
                        q.atomic().run(() -> {
                            Item created = items.create(Map.of("name", prefix + "rb-" + seq++, "qty", -2));
                            notesOf.create(Map.of("item", created, "text", "rolled back"));
                            items.filter("pk", id).update("qty", -3);
                            throw new Rollback();
                        });
                    } catch (Rollback expected) {
                        // what the block asked for
                    }
                    int read = items.get("pk", id).qty;
                    check(read == qty.get(id), "after a rollback, item %d reads %d, expected %d", id, read, qty.get(id));
                }
                case 5 -> { // get by primary key
                    Item it = items.get("pk", id);
                    check(it.qty == qty.get(id), "get(%d) read %d, expected %d", id, it.qty, qty.get(id));
                }
                case 6 -> { // prefetch of the thread's own items and their notes
                    List<Item> mine = items.filter("name__startswith", prefix).prefetchRelated("notes").list();
                    check(mine.size() == qty.size(), "prefetch read %d items, expected %d", mine.size(), qty.size());
                    for (Item it : mine) {
                        Integer n = notes.get(it.id);
                        check(n != null && qty.get(it.id) == it.qty && it.related("notes", Note.class).list().size() == n,
                                "prefetch of item %d read qty %d and %d notes", it.id, it.qty,
                                it.related("notes", Note.class).list().size());
                    }
                }
                case 7 -> { // count
                    long n = items.filter("name__startswith", prefix).count();
                    check(n == qty.size(), "count read %d, expected %d", n, qty.size());
                }
                case 8 -> { // shared rows that nobody writes
                    Item seed = seeds.get(random.nextInt(seeds.size()));
                    Item it = items.get("pk", seed.id);
                    check(it.qty == seed.qty && it.name.equals(seed.name), "seed %d read %s/%d", seed.id, it.name, it.qty);
                }
                case 9 -> { // a stream, closed
                    try (Stream<Item> s = items.filter("name__startswith", prefix).stream()) {
                        long n = s.filter(it -> qty.get(it.id) != null && qty.get(it.id) == it.qty).count();
                        check(n == qty.size(), "stream read %d matching items, expected %d", n, qty.size());
                    }
                }
                case 10 -> { // a note added outside a transaction
                    notesOf.create(Map.of("item", id, "text", "c"));
                    notes.merge(id, 1, Integer::sum);
                    writes++;
                }
                default -> { // a cascade delete of one item and its notes
                    Map<String, Integer> deleted = items.get("pk", id).delete();
                    int expected = notes.get(id);
                    check(deleted.getOrDefault("Note", 0) == expected, "delete of %d removed %s, expected %d notes",
                            id, deleted, expected);
                    ids.remove(id);
                    qty.remove(id);
                    notes.remove(id);
                    writes++;
                }
            }
        }

        private void remember(long id, int value, int noteCount) {
            ids.add(id);
            qty.put(id, value);
            notes.put(id, noteCount);
            writes++;
        }

        private void check(boolean ok, String format, Object... args) {
            if (!ok) {
                wrong.add(String.format(format, args));
            }
        }
    }

    /** Thrown to roll a block back. */
    private static final class Rollback extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Rollback() {
            super("roll back", null, false, false);
        }
    }
}
