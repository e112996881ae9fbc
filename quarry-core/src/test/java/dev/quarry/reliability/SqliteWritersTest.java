package dev.quarry.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.Manager;
import dev.quarry.test.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * SQLite file databases under 16 writing threads: 0.1 failed 45 of 24,860 operations with
 * "database is locked". With a busy timeout, WAL, and transactions that take the write lock when
 * they begin (BEGIN IMMEDIATE), every operation succeeds, and read-modify-write transactions lose
 * no update (they cannot interleave).
 */
class SqliteWritersTest {
    private static final int THREADS = 16;
    private static final int ROUNDS = 30;

    @Test
    void sixteenWritersRunWithoutLockErrorsOrLostUpdates() throws Exception {
        try (Fixture f = Fixture.direct(TestDatabases.active().get(0))) {
            Manager<Item> items = Item.objects.using(f.quarry);
            Item counter = items.create(Map.of("name", "counter", "qty", 0));
            Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int round = 0; round < ROUNDS; round++) {
                        try {
                            f.quarry.atomic().run(() -> {
                                Item c = items.get("pk", counter.id);
                                c.qty++;
                                c.save();
                            });
                            items.create(Map.of("name", "w" + thread + "-" + round, "qty", 1));
                            items.filter("qty", 1).count();
                        } catch (Throwable e) {
                            errors.add(e);
                        }
                    }
                }));
            }
            for (Future<?> d : done) {
                d.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertThat(errors).as("errors").isEmpty();
            assertThat(items.get("pk", counter.id).qty).as("increments").isEqualTo(THREADS * ROUNDS);
            assertThat(items.filter("qty", 1).count()).isEqualTo(THREADS * ROUNDS);
        }
    }
}
