package dev.quarry.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.Manager;
import dev.quarry.QueryListener;
import dev.quarry.test.TestDatabases;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code prefetchRelated} from every row (the whole-table prefetch of ADR 0023, which sends no IN
 * list) while other threads keep adding rows, through a pool of 4 connections: 8 writers add items
 * and notes, 8 readers prefetch every item's notes. The level's query can then see rows whose owner
 * the main query did not load; they must be dropped, never attached to the wrong item, and an item
 * loaded by the main query must get every note it had when the readers started (notes are only added).
 * Afterwards, with the writers stopped, a prefetch equals the notes counted per item in SQL.
 */
class PrefetchWhileWritingTest {
    private static final int SEED_ITEMS = 20;
    private static final int SEED_NOTES = 5;
    private static final int THREADS = 16;
    private static final int ROUNDS = 15 * Stress.SCALE;

    @ParameterizedTest
    @MethodSource("dev.quarry.reliability.Fixture#backends")
    void everyNoteLandsOnItsOwnItemOrIsDropped(TestDatabases.Target target) throws Exception {
        try (Fixture f = Fixture.pooled(target, 4, c -> c.setConnectionTimeout(20_000))) {
            Manager<Item> items = Item.objects.using(f.quarry);
            Manager<Note> notes = Note.objects.using(f.quarry);
            for (int i = 0; i < SEED_ITEMS; i++) {
                Item item = items.create(Map.of("name", "seed" + i, "qty", i));
                for (int n = 0; n < SEED_NOTES; n++) {
                    notes.create(Map.of("item", item, "text", "s" + n));
                }
            }
            AtomicInteger statements = new AtomicInteger();
            QueryListener counter = q -> statements.incrementAndGet();
            f.quarry.addQueryListener(counter);
            ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
            AtomicInteger prefetches = new AtomicInteger();
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < THREADS / 2; t++) {
                    int writer = t;
                    done.add(threads.submit(() -> {
                        for (int r = 0; r < ROUNDS; r++) {
                            int round = r;
                            f.quarry.atomic().run(() -> {
                                Item item = items.create(Map.of("name", "w" + writer + "-" + round, "qty", 1000 + round));
                                notes.create(Map.of("item", item, "text", "new"));
                                // a note for a seed item too: seen by a reader or not, never on another item
                                notes.create(Map.of("item", items.get("name", "seed" + (round % SEED_ITEMS)), "text", "more"));
                            });
                        }
                        return null;
                    }));
                    done.add(threads.submit(() -> {
                        for (int r = 0; r < ROUNDS; r++) {
                            check(items.prefetchRelated("notes").list(), wrong);
                            prefetches.incrementAndGet();
                        }
                        return null;
                    }));
                }
                for (Future<?> d : done) {
                    d.get(120, TimeUnit.SECONDS);
                }
            } finally {
                threads.shutdownNow();
                f.quarry.removeQueryListener(counter);
            }
            assertThat(wrong).as("notes on the wrong item, or seed notes missing").isEmpty();

            // Quiet again: a prefetch gives every item the notes SQL counts for it, in 2 queries.
            int before = statements.get();
            List<String> sql = new java.util.concurrent.CopyOnWriteArrayList<>();
            QueryListener capture = q -> sql.add(q.sql());
            f.quarry.addQueryListener(capture);
            List<Item> all = items.prefetchRelated("notes").list();
            f.quarry.removeQueryListener(capture);
            assertThat(sql).hasSize(2);
            assertThat(sql.get(1)).as("the notes of every item: no IN list").doesNotContain(" IN (");
            Map<Long, Long> prefetched = new HashMap<>();
            Map<Long, Long> counted = new HashMap<>();
            for (Item item : all) {
                prefetched.put(item.id, (long) item.related("notes", Note.class).all().list().size());
                counted.put(item.id, notes.filter("item", item).count());
            }
            assertThat(prefetched).isEqualTo(counted);
            assertThat(all).hasSize(SEED_ITEMS + THREADS / 2 * ROUNDS);
            Stress.report("prefetch while writing %s: %d whole-table prefetches beside %d writing transactions on a pool "
                    + "of 4 (%d statements), %d notes on a wrong item or seed notes missing", f.target.label(),
                    prefetches.get(), THREADS / 2 * ROUNDS, before, wrong.size());
        }
    }

    /** Every note under its own item, no note twice, and every seed item with at least its seed notes. */
    private static void check(List<Item> loaded, ConcurrentLinkedQueue<String> wrong) {
        Set<Long> seen = new HashSet<>();
        for (Item item : loaded) {
            List<Note> mine = item.related("notes", Note.class).all().list();
            for (Note n : mine) {
                if (!item.id.equals(n.item.id()) || n.item.get() != item || !seen.add(n.id)) {
                    wrong.add("note " + n.id + " under item " + item.id);
                }
            }
            if (item.name.startsWith("seed") && mine.size() < SEED_NOTES) {
                wrong.add("item " + item.name + " with " + mine.size() + " notes");
            }
        }
    }
}
