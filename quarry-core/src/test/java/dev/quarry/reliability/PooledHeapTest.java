package dev.quarry.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.Manager;
import dev.quarry.test.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A million queries through a HikariCP pool leave the retained heap flat (in CI a million on SQLite
 * and 100,000 on each server; a million on each at scale 10): 0.1 kept a reference to every
 * connection the pool handed out, +626 bytes per query. After a warm-up, the heap is read after
 * garbage collection, the queries run in two halves (reading the heap after each), and the growth
 * from the warm-up to the end must stay under {@link #MAX_GROWTH_BYTES}. Two threads share a pool of
 * 4 (the machine has 2 cores); each query is a {@code get} by key, a {@code count} or a short
 * {@code list}, each checked. The time is reported, never asserted.
 */
class PooledHeapTest {
    /** Queries per backend at scale 1 (the CI size): a million on SQLite (20 s here), 100,000 on a server (8-13 s). */
    private static int queries(TestDatabases.Target target) {
        int ci = target.vendor().equals("sqlite") ? 1_000_000 : 100_000;
        // a million on every backend at QUARRY_STRESS_SCALE=10
        return Math.max(ci, 100_000 * Stress.SCALE);
    }
    private static final int WARM_UP = 20_000;
    private static final int THREADS = 2;

    /**
     * 2 MB whatever the count: 20 bytes a query over 100,000 queries (2 over a million), a thirtieth
     * of what 0.1 leaked (626 bytes), so one leaked weak reference or map entry per query (~50 bytes)
     * fails it; the readings moved by less than 20 KB over 100,000 queries on the machine this was
     * written on, and a strong reference kept per borrowed connection made them grow 6 MB.
     */
    private static final long MAX_GROWTH_BYTES = 2L << 20;

    @ParameterizedTest
    @MethodSource("dev.quarry.reliability.Fixture#backends")
    void retainedHeapStaysFlatOverManyPooledQueries(TestDatabases.Target target) throws Exception {
        int queries = queries(target);
        try (Fixture f = Fixture.pooled(target, 4)) {
            Manager<Item> items = Item.objects.using(f.quarry);
            List<Item> rows = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Item it = new Item();
                it.name = "h" + i;
                it.qty = i;
                rows.add(it);
            }
            items.bulkCreate(rows);
            long[] ids = rows.stream().mapToLong(it -> it.id).toArray();
            Queue<String> wrong = new ConcurrentLinkedQueue<>();

            run(items, ids, WARM_UP, wrong);
            long before = Stress.retainedHeap();
            long start = System.nanoTime();
            run(items, ids, queries / 2, wrong);
            long half = Stress.retainedHeap();
            long halfTime = System.nanoTime();
            run(items, ids, queries - queries / 2, wrong);
            long end = System.nanoTime();
            long after = Stress.retainedHeap();
            double seconds = ((halfTime - start) + (end - halfTime)) / 1e9;
            long active = f.pool.getHikariPoolMXBean().getActiveConnections();

            Stress.report("heap %s pool: %,d queries on %d threads after %,d to warm up, %.1f s (%,.0f queries/s), "
                            + "retained heap %.1f MB before, %.1f MB at half, %.1f MB after: %+,.0f KB (%+.1f bytes a query), "
                            + "%d wrong results, %d connections active",
                    f.target.label(), queries, THREADS, WARM_UP, seconds, queries / seconds, mb(before), mb(half), mb(after),
                    (after - before) / 1024.0, (after - before) / (double) queries, wrong.size(), active);
            assertThat(wrong).as("wrong results").isEmpty();
            assertThat(active).as("connections still borrowed").isZero();
            assertThat(after - before).as("retained heap growth over %,d queries, bytes", queries).isLessThan(MAX_GROWTH_BYTES);
        }
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    /** Runs {@code n} queries on {@link #THREADS} threads, each checked against the rows it knows. */
    private static void run(Manager<Item> items, long[] ids, int n, Queue<String> wrong) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int share = n / THREADS + (t < n % THREADS ? 1 : 0);
                int offset = t;
                done.add(threads.submit(() -> {
                    for (int i = 0; i < share; i++) {
                        int pick = (i + offset) % ids.length;
                        switch (i % 4) {
                            case 0, 1 -> {
                                Item it = items.get("pk", ids[pick]);
                                if (it.qty != pick) {
                                    wrong.add("get " + pick + " read " + it.qty);
                                }
                            }
                            case 2 -> {
                                long c = items.filter("qty__lt", pick).count();
                                if (c != pick) {
                                    wrong.add("count below " + pick + " read " + c);
                                }
                            }
                            default -> {
                                int size = items.filter("qty__gte", pick).orderBy("qty").limit(3).list().size();
                                if (size != Math.min(3, ids.length - pick)) {
                                    wrong.add("list from " + pick + " read " + size);
                                }
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> d : done) {
                d.get(30, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdown();
        }
    }
}
