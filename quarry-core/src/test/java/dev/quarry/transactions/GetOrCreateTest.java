package dev.quarry.transactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.Created;
import dev.quarry.ExecutedQuery;
import dev.quarry.FieldError;
import dev.quarry.IntegrityError;
import dev.quarry.MultipleObjectsReturned;
import dev.quarry.Quarry;
import dev.quarry.test.Committing;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@code getOrCreate} and {@code updateOrCreate} (Django's {@code get_or_create} and
 * {@code update_or_create}) on every entry point, and under 16 concurrent callers: a unique
 * constraint, a savepoint around the insert and a second get make exactly one row that every caller
 * gets. Statement counts as Django's (django_facts.py): one SELECT when the row exists, SELECT and
 * INSERT when it does not.
 */
@QuarryTest(models = {Counter.class, Shelf.class, Label.class})
class GetOrCreateTest {
    private static final int THREADS = 16;

    @Test
    void anExistingRowIsFoundWithOneQuery(Queries queries) {
        Counter a = Counter.of("a", 7);
        Created<Counter> r = queries.assertNumQueries(1, () -> Counter.objects.getOrCreate(Map.of("name", "a"),
                c -> c.qty = 99));
        assertThat(r.created()).isFalse();
        assertThat(r.object()).isEqualTo(a);
        assertThat(r.object().qty).isEqualTo(7);
    }

    @Test
    void aMissingRowIsMadeFromTheLookupAndTheDefaultsWithTwoQueries(Queries queries) {
        List<ExecutedQuery> seen = queries.captured(() -> {
            Created<Counter> r = Counter.objects.getOrCreate(Map.of("name", "b"), c -> c.qty = 3);
            assertThat(r.created()).isTrue();
            assertThat(r.object().id).isNotNull();
            assertThat(r.object().isPersisted()).isTrue();
        });
        assertThat(seen).extracting(q -> q.sql().substring(0, 6)).containsExactly("SELECT", "INSERT");
        Created<Counter> byMap = Counter.objects.getOrCreate(Map.of("name", "c"), Map.of("qty", 4, "note", "from a map"));
        assertThat(byMap.created()).isTrue();
        assertThat(Counter.objects.get("name", "c").note).isEqualTo("from a map");
        assertThat(Counter.objects.get("name", "b").qty).isEqualTo(3);
        // Without defaults, from the lookup alone.
        assertThat(Counter.objects.getOrCreate(Map.of("name", "d", "qty", 5)).object().qty).isEqualTo(5);
    }

    @Test
    void lookupEntriesWithDoubleUnderscoresFilterButDoNotCreate() {
        // Django: get_or_create(name__startswith='zz') creates with name '' (only plain field names are used).
        Created<Counter> r = Counter.objects.getOrCreate(Map.of("name__startswith", "zz"), c -> c.name = "zz-made");
        assertThat(r.created()).isTrue();
        assertThat(r.object().name).isEqualTo("zz-made");
        assertThat(Counter.objects.getOrCreate(Map.of("name__startswith", "zz")).object()).isEqualTo(r.object());
    }

    @Test
    void theQuerySetsFiltersApplyToTheGetAndSeveralMatchesAreRefused() {
        Counter.of("x1", 1);
        Counter.of("x2", 1);
        assertThatThrownBy(() -> Counter.objects.getOrCreate(Map.of("qty", 1))).isInstanceOf(MultipleObjectsReturned.class);
        assertThat(Counter.objects.filter("name", "x2").getOrCreate(Map.of("qty", 1)).object().name).isEqualTo("x2");
        assertThatThrownBy(() -> Counter.objects.getOrCreate(Map.of("nope", 1))).isInstanceOf(FieldError.class);
    }

    @Test
    void onARelatedManagerTheNewObjectIsRelatedToTheOwner() {
        Shelf shelf = Shelf.of("s");
        Created<Counter> made = shelf.related("counters", Counter.class).getOrCreate(Map.of("name", "on-shelf"));
        assertThat(made.created()).isTrue();
        assertThat(made.object().shelf.id()).isEqualTo(shelf.id);
        assertThat(shelf.related("counters", Counter.class).getOrCreate(Map.of("name", "on-shelf")).created()).isFalse();

        Counter counter = Counter.of("labelled", 1);
        Created<Label> red = counter.labels.getOrCreate(Map.of("name", "red"));
        assertThat(red.created()).isTrue();
        assertThat(counter.labels.list()).containsExactly(red.object());
        assertThat(counter.labels.getOrCreate(Map.of("name", "red")).object()).isEqualTo(red.object());
    }

    @Test
    void throughAManyToManyAnExistingUnrelatedRowIsAnIntegrityErrorAsInDjango(Quarry db) {
        // Django's docs: book.chapters.get_or_create(title='Chapter 1') raises IntegrityError when a
        // "Chapter 1" exists that is not related to this book: the get is on the relation.
        Label.objects.create(l -> l.name = "blue");
        Counter counter = Counter.of("c", 1);
        assertThatThrownBy(() -> db.atomic().run(() -> counter.labels.getOrCreate(Map.of("name", "blue"))))
                .isInstanceOf(IntegrityError.class);
    }

    @Test
    void updateOrCreateUpdatesTheLockedRowOrCreatesIt(Quarry db, Queries queries) {
        Counter.of("a", 1);
        List<ExecutedQuery> seen = queries.captured(() -> {
            Created<Counter> r = Counter.objects.updateOrCreate(Map.of("name", "a"), c -> c.qty = 10);
            assertThat(r.created()).isFalse();
            assertThat(r.object().qty).isEqualTo(10);
        });
        assertThat(seen).extracting(q -> q.sql().substring(0, 6)).containsExactly("SELECT", "UPDATE");
        assertThat(seen.get(0).sql().endsWith(" FOR UPDATE")).isEqualTo(!db.vendor().equals("sqlite"));
        assertThat(Counter.objects.get("name", "a").qty).isEqualTo(10);
        Created<Counter> made = Counter.objects.updateOrCreate(Map.of("name", "b"), Map.of("qty", 20));
        assertThat(made.created()).isTrue();
        assertThat(Counter.objects.get("name", "b").qty).isEqualTo(20);
    }

    @Test
    @Committing
    void sixteenThreadsCreatingTheSameKeyMakeExactlyOneRowAndAllGetIt(Quarry db) throws Exception {
        race(db, 20, name -> Counter.objects.getOrCreate(Map.of("name", name), c -> c.qty = 1));
    }

    @Test
    @Committing
    void insideTheirOwnTransactionsSixteenThreadsStillMakeOneRow(Quarry db) throws Exception {
        // The second get runs in the caller's transaction: it must see the row another transaction
        // committed after this one began (READ COMMITTED, Quarry's default on MariaDB as on PostgreSQL).
        race(db, 20, name -> db.atomic().call(() -> {
            Counter.objects.count();
            return Counter.objects.getOrCreate(Map.of("name", name));
        }));
    }

    private static void race(Quarry db, int rounds, Function<String, Created<Counter>> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int round = 0; round < rounds; round++) {
                String name = "key-" + round;
                CyclicBarrier start = new CyclicBarrier(THREADS);
                Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
                List<Future<Created<Counter>>> results = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    results.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        try {
                            return call.apply(name);
                        } catch (RuntimeException e) {
                            errors.add(e);
                            throw e;
                        }
                    }));
                }
                List<Created<Counter>> got = new ArrayList<>();
                for (Future<Created<Counter>> f : results) {
                    try {
                        got.add(f.get(60, TimeUnit.SECONDS));
                    } catch (java.util.concurrent.ExecutionException e) {
                        // counted in errors
                    }
                }
                assertThat(errors).as("errors in round %d", round).isEmpty();
                assertThat(got.stream().filter(Created::created)).as("creators in round %d", round).hasSize(1);
                assertThat(got.stream().map(r -> r.object().id).distinct()).as("objects in round %d", round).hasSize(1);
                assertThat(Counter.objects.filter("name", name).count()).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Committing
    void sixteenThreadsIncrementingThroughUpdateOrCreateLoseNothing(Quarry db) throws Exception {
        int rounds = 10;
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CyclicBarrier start = new CyclicBarrier(THREADS);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                done.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    for (int i = 0; i < rounds; i++) {
                        Counter.objects.updateOrCreate(Map.of("name", "shared"), c -> c.qty += 1);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Counter.objects.get("name", "shared").qty).isEqualTo(THREADS * rounds);
    }
}
