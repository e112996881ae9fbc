package dev.quarry.transactions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.Quarry;
import dev.quarry.StaleObjectError;
import dev.quarry.test.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 32 threads increment one counter, each {@link #increments()} times, on every backend, through
 * Quarry's own connections: with {@code selectForUpdate()} inside {@code atomic()}, and with a
 * {@code @VersionField} and a retry on {@link StaleObjectError}, and with one
 * {@code update("qty", F.of("qty").plus(1))} (a single UPDATE, no transaction of its own), no
 * increment is lost; the naive
 * {@code get(); qty++; save()} loses some, which is what the guide says not to do. Each run prints
 * its figures. {@code -Dquarry.increments=1000} runs the full 32 x 1,000.
 */
class ConcurrentIncrementsTest {
    private static final int THREADS = 32;

    /**
     * Increments per thread: 1,000 in the issue, 30 by default. 32 x 100 already took 14-20 s with
     * selectForUpdate and 40-50 s with versions on PostgreSQL here (every increment is a commit on one
     * row, so they run one after another at the disk's commit rate), so the suite runs 32 x 30 and
     * {@code -Dquarry.increments=1000} the count (figures in docs/guide/10-transactions.md).
     */
    static int increments() {
        return Integer.getInteger("quarry.increments", 30);
    }

    static Stream<TestDatabases.Target> backends() {
        return TestDatabases.active().stream();
    }

    /** A private database on one backend with the counter and stock tables, dropped afterwards. */
    private static final class Db implements AutoCloseable {
        final TestDatabases.Isolated database;
        final Quarry quarry;

        final com.zaxxer.hikari.HikariDataSource pool;

        Db(TestDatabases.Target target) {
            database = target.create();
            if (Boolean.getBoolean("quarry.increments.pool")) {
                com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
                config.setJdbcUrl(database.url());
                config.setUsername(target.user());
                config.setPassword(target.password());
                config.setMaximumPoolSize(THREADS);
                pool = new com.zaxxer.hikari.HikariDataSource(config);
                quarry = Quarry.builder().dataSource(pool).models(Counter.class, Stock.class).build();
            } else {
                pool = null;
                quarry = Quarry.builder().url(database.url()).user(target.user()).password(target.password())
                        .models(Counter.class, Stock.class).build();
            }
            quarry.createTables();
        }

        @Override
        public void close() {
            try {
                quarry.close();
                if (pool != null) {
                    pool.close();
                }
            } finally {
                database.drop();
            }
        }
    }

    /** Runs {@code work} on 32 threads at once, each {@code n} times; returns the elapsed milliseconds. */
    private static long hammer(int n, Runnable work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
        CyclicBarrier start = new CyclicBarrier(THREADS);
        long begin;
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                done.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    for (int i = 0; i < n; i++) {
                        try {
                            work.run();
                        } catch (RuntimeException e) {
                            errors.add(e);
                        }
                    }
                    return null;
                }));
            }
            begin = System.nanoTime();
            for (Future<?> f : done) {
                f.get(10, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(errors).as("errors").isEmpty();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
    }

    private static void report(TestDatabases.Target target, String how, int expected, long actual, long millis, String more) {
        System.out.printf(Locale.ROOT, "[increments] %-10s %-32s %d threads x %d: expected %d, got %d, lost %d (%.1f%%), "
                        + "%d ms, %.0f increments/s%s%n", target.label(), how, THREADS, expected / THREADS, expected, actual,
                expected - actual, 100.0 * (expected - actual) / expected, millis, expected * 1000.0 / Math.max(1, millis), more);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void selectForUpdateInsideAtomicLosesNoIncrement(TestDatabases.Target target) throws Exception {
        try (Db db = new Db(target)) {
            Counter counter = Counter.objects.using(db.quarry).create(c -> c.name = "hits");
            int n = increments();
            long ms = hammer(n, () -> db.quarry.atomic().run(() -> {
                Counter c = Counter.objects.using(db.quarry).selectForUpdate().get("pk", counter.id);
                c.qty++;
                c.saveOnly("qty");
            }));
            long got = Counter.objects.using(db.quarry).get("pk", counter.id).qty;
            report(target, "selectForUpdate() in atomic()", THREADS * n, got, ms, "");
            assertThat(got).isEqualTo((long) THREADS * n);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aVersionFieldWithARetryLosesNoIncrement(TestDatabases.Target target) throws Exception {
        try (Db db = new Db(target)) {
            Stock stock = Stock.objects.using(db.quarry).create(s -> s.name = "hits");
            int n = increments();
            AtomicLong retries = new AtomicLong();
            long ms = hammer(n, () -> {
                while (true) {
                    Stock s = Stock.objects.using(db.quarry).get("pk", stock.id);
                    s.qty++;
                    try {
                        s.save();
                        return;
                    } catch (StaleObjectError stale) {
                        retries.incrementAndGet();
                    }
                }
            });
            Stock now = Stock.objects.using(db.quarry).get("pk", stock.id);
            report(target, "@VersionField, retry when stale", THREADS * n, now.qty, ms, ", " + retries.get() + " retries");
            assertThat(now.qty).isEqualTo(THREADS * n);
            assertThat(now.version).isEqualTo((long) THREADS * n);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void anUpdateWithAnFExpressionLosesNoIncrement(TestDatabases.Target target) throws Exception {
        // The cheapest correct increment: the database adds one to the row it locks for the UPDATE.
        try (Db db = new Db(target)) {
            Counter counter = Counter.objects.using(db.quarry).create(c -> c.name = "hits");
            int n = increments();
            long ms = hammer(n, () -> Counter.objects.using(db.quarry).filter("pk", counter.id)
                    .update("qty", dev.quarry.expr.F.of("qty").plus(1)));
            long got = Counter.objects.using(db.quarry).get("pk", counter.id).qty;
            report(target, "update(\"qty\", F(qty) + 1)", THREADS * n, got, ms, "");
            assertThat(got).isEqualTo((long) THREADS * n);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void theNaiveGetIncrementSaveLosesUpdates(TestDatabases.Target target) throws Exception {
        // What not to do: two threads read the same value, both write value + 1, one increment is gone.
        try (Db db = new Db(target)) {
            Counter counter = Counter.objects.using(db.quarry).create(c -> c.name = "hits");
            int n = increments();
            long ms = hammer(n, () -> {
                Counter c = Counter.objects.using(db.quarry).get("pk", counter.id);
                c.qty++;
                c.save();
            });
            long got = Counter.objects.using(db.quarry).get("pk", counter.id).qty;
            report(target, "naive get(); qty++; save()", THREADS * n, got, ms, "");
            // Every run so far lost 80 to 97 % on each database (32 x 30, 32 x 100, 32 x 1,000): reliably more than none.
            assertThat(got).as("increments kept by the naive code").isBetween(1L, (long) THREADS * n - 1);
        }
    }
}
