package dev.quarry.transactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.quarry.ExecutedQuery;
import dev.quarry.FieldError;
import dev.quarry.NotSupportedError;
import dev.quarry.OnLocked;
import dev.quarry.OperationalError;
import dev.quarry.Quarry;
import dev.quarry.QuerySet;
import dev.quarry.TransactionManagementError;
import dev.quarry.spi.Feature;
import dev.quarry.test.Committing;
import dev.quarry.test.OnlyOn;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import dev.quarry.test.RequiresFeature;
import dev.quarry.test.SkipIfFeature;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code selectForUpdate()}: Django's {@code select_for_update} with {@code nowait},
 * {@code skip_locked} and {@code of}. The lock is shown with two threads: the second waits, fails
 * at once, or skips the locked row. On SQLite the clause is left out, as Django does, because
 * Quarry's SQLite transactions take the write lock when they begin: the second transaction waits
 * there too.
 */
@QuarryTest(models = {Counter.class, Shelf.class, Label.class})
class SelectForUpdateTest {
    private static final long HOLD_MILLIS = 800;

    private static String lastSql(Queries queries, Runnable work) {
        List<ExecutedQuery> seen = queries.captured(work);
        return seen.get(seen.size() - 1).sql();
    }

    @Test
    @Committing
    void outsideATransactionItIsRefusedBeforeAnySqlOnEveryDatabase(Quarry db, Queries queries) {
        // Django: TransactionManagementError "select_for_update cannot be used outside of a
        // transaction" (on SQLite Django lets it pass, as it ignores the lock; Quarry refuses there too).
        Counter c = Counter.of("a", 1);
        Shelf shelf = Shelf.of("s");
        QuerySet<Counter> locked = Counter.objects.selectForUpdate();
        queries.assertNumQueries(0, () -> {
            assertThatThrownBy(locked::list).isInstanceOf(TransactionManagementError.class)
                    .hasMessageContaining("outside of a transaction").hasMessageContaining("atomic()");
            assertThatThrownBy(() -> locked.get("pk", c.id)).isInstanceOf(TransactionManagementError.class);
            assertThatThrownBy(locked::exists).isInstanceOf(TransactionManagementError.class);
            assertThatThrownBy(() -> locked.valuesList("qty", Integer.class).list())
                    .isInstanceOf(TransactionManagementError.class);
            assertThatThrownBy(() -> shelf.related("counters", Counter.class).selectForUpdate().list())
                    .isInstanceOf(TransactionManagementError.class);
            // A prefetch runs its queries in a transaction of its own, which must not let the lock through.
            assertThatThrownBy(() -> locked.prefetchRelated("labels").list()).isInstanceOf(TransactionManagementError.class);
        });
        // Building it and reading its SQL run nothing and are allowed.
        assertThat(locked.sql().text()).isNotEmpty();
        db.atomic().run(() -> assertThat(locked.get("pk", c.id).qty).isEqualTo(1));
    }

    @Test
    void theSqlLocksTheRowsWhereTheDatabaseCanAndCountsTakeNoLock(Quarry db, Queries queries) {
        Counter c = Counter.of("a", 1);
        boolean locks = !db.vendor().equals("sqlite");
        String plain = lastSql(queries, () -> Counter.objects.selectForUpdate().get("pk", c.id));
        assertThat(plain.endsWith(" FOR UPDATE")).as(plain).isEqualTo(locks);
        // As Django: exists() locks, count() does not.
        assertThat(lastSql(queries, () -> Counter.objects.selectForUpdate().exists()).endsWith(" FOR UPDATE")).isEqualTo(locks);
        assertThat(lastSql(queries, () -> Counter.objects.selectForUpdate().count())).doesNotContain("FOR UPDATE");
        if (locks) {
            assertThat(lastSql(queries, () -> Counter.objects.selectForUpdate(OnLocked.NOWAIT).list())).endsWith(" FOR UPDATE NOWAIT");
            assertThat(lastSql(queries, () -> Counter.objects.selectForUpdate(OnLocked.SKIP_LOCKED).list()))
                    .endsWith(" FOR UPDATE SKIP LOCKED");
        } else {
            assertThat(lastSql(queries, () -> Counter.objects.selectForUpdate(OnLocked.NOWAIT).list())).doesNotContain("FOR");
        }
        // Deleting and updating through a locked QuerySet write no lock clause of their own.
        queries.captured(() -> Counter.objects.selectForUpdate().filter("name", "zzz").update("qty", 2))
                .forEach(q -> assertThat(q.sql()).doesNotContain("FOR UPDATE"));
        queries.captured(() -> Counter.objects.selectForUpdate().filter("name", "zzz").delete())
                .forEach(q -> assertThat(q.sql()).doesNotContain("FOR UPDATE"));
    }

    @Test
    @RequiresFeature(Feature.SELECT_FOR_UPDATE_OF)
    void ofSelfLocksOnlyTheModelsRowsWhichANullableJoinRequires(Quarry db, Queries queries) {
        Counter c = Counter.of("a", 1);
        c.shelf.set(Shelf.of("s"));
        c.save();
        // PostgreSQL cannot lock the nullable side of an outer join (a nullable foreign key is a LEFT
        // JOIN): locking every table fails, and of("self") is the remedy Django documents.
        // (In its own block: a failed statement ends the block it runs in.)
        assertThatThrownBy(() -> db.atomic().run(() -> Counter.objects.selectRelated("shelf").selectForUpdate().get("pk", c.id)))
                .isInstanceOf(NotSupportedError.class).hasMessageContaining("nullable side of an outer join");
        String self = lastSql(queries, () -> Counter.objects.selectRelated("shelf").selectForUpdate(OnLocked.WAIT, "self")
                .get("pk", c.id));
        assertThat(self).endsWith(" FOR UPDATE OF \"counter\"");
        String both = Counter.objects.selectRelated("shelf").selectForUpdate(OnLocked.NOWAIT, "self", "shelf").sql().text();
        assertThat(both).matches(".* FOR UPDATE OF \"counter\", \"[a-z0-9_]+\" NOWAIT");
    }

    @Test
    @SkipIfFeature(Feature.SELECT_FOR_UPDATE_OF)
    @RequiresFeature(Feature.SELECT_FOR_UPDATE)
    void ofIsRefusedBeforeAnySqlWhereTheDatabaseLacksIt(Queries queries) {
        // Django: NotSupportedError "FOR UPDATE OF is not supported on this database backend."
        queries.assertNumQueries(0, () -> assertThatThrownBy(() -> Counter.objects.selectForUpdate(OnLocked.WAIT, "self").list())
                .isInstanceOf(NotSupportedError.class).hasMessageContaining("FOR UPDATE OF"));
    }

    @Test
    @SkipIfFeature(Feature.SELECT_FOR_UPDATE_OF)
    @OnlyOn("sqlite") // the lock is ignored, but a misspelt name is refused as on PostgreSQL
    void aNameInOfThatIsNotFollowedIsAFieldErrorListingTheChoices(Queries queries) {
        queries.assertNumQueries(0, () -> assertThatThrownBy(() -> Counter.objects.selectRelated("shelf")
                .selectForUpdate(OnLocked.WAIT, "self", "shelves").list())
                .isInstanceOf(FieldError.class).hasMessageContaining("shelves").hasMessageContaining("Choices are: self, shelf"));
    }

    @Test
    @RequiresFeature(Feature.SELECT_FOR_UPDATE_OF)
    void aNameInOfThatIsNotFollowedIsAFieldErrorOnPostgres(Queries queries) {
        queries.assertNumQueries(0, () -> assertThatThrownBy(() -> Counter.objects.selectForUpdate(OnLocked.WAIT, "shelf").list())
                .isInstanceOf(FieldError.class).hasMessageContaining("Choices are: self"));
    }

    @Test
    @Committing
    void aSecondTransactionWaitsUntilTheFirstCommitsAndThenReadsItsWrite(Quarry db) throws Exception {
        Counter c = Counter.of("a", 1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch locked = new CountDownLatch(1);
            Future<?> holder = other.submit(() -> db.atomic().run(() -> {
                Counter mine = Counter.objects.selectForUpdate().get("pk", c.id);
                locked.countDown();
                sleep(HOLD_MILLIS);
                mine.qty = 10;
                mine.save();
            }));
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            long start = System.nanoTime();
            int seen = db.atomic().call(() -> Counter.objects.selectForUpdate().get("pk", c.id).qty);
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            holder.get(10, TimeUnit.SECONDS);
            assertThat(waited).as("waited ms").isGreaterThan(HOLD_MILLIS / 2);
            assertThat(seen).isEqualTo(10);
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    @Committing
    @RequiresFeature(Feature.SELECT_FOR_UPDATE_NOWAIT)
    void nowaitFailsAtOnceWhileAnotherTransactionHoldsTheRow(Quarry db) throws Exception {
        Counter c = Counter.of("a", 1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch locked = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<?> holder = other.submit(() -> db.atomic().run(() -> {
                Counter.objects.selectForUpdate().get("pk", c.id);
                locked.countDown();
                await(release);
            }));
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            long start = System.nanoTime();
            Throwable e = catchThrowable(() -> db.atomic().run(() -> Counter.objects.selectForUpdate(OnLocked.NOWAIT)
                    .get("pk", c.id)));
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
            // PostgreSQL: 55P03, an OperationalError; MariaDB: 1205, a TransactionConflictError (ADR 0010).
            assertThat(e).isInstanceOf(OperationalError.class);
            assertThat(took).as("ms until the refusal").isLessThan(2_000);
            // Once the holder committed, the same query succeeds.
            assertThat(db.atomic().call(() -> Counter.objects.selectForUpdate(OnLocked.NOWAIT).get("pk", c.id).qty)).isEqualTo(1);
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    @Committing
    @RequiresFeature(Feature.SELECT_FOR_UPDATE_SKIP_LOCKED)
    void skipLockedLeavesTheRowsAnotherTransactionHoldsOutAsAWorkQueueWants(Quarry db) throws Exception {
        Counter a = Counter.of("a", 1);
        Counter.of("b", 1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch locked = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<?> holder = other.submit(() -> db.atomic().run(() -> {
                Counter.objects.selectForUpdate().get("pk", a.id);
                locked.countDown();
                await(release);
            }));
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            List<String> free = db.atomic().call(() -> Counter.objects.orderBy("name")
                    .selectForUpdate(OnLocked.SKIP_LOCKED).list().stream().map(c -> c.name).toList());
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
            assertThat(free).containsExactly("b");
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    @Committing
    @OnlyOn("sqlite") // SQLite has no row locks: what stands in for them there
    void onSqliteTheOptionsAreIgnoredAndASecondTransactionWaitsForTheWriteLock(Quarry db) throws Exception {
        // Django ignores select_for_update on SQLite. Quarry's SQLite transactions take the write lock
        // when they begin (BEGIN IMMEDIATE, in-process queue), so even NOWAIT waits: no lost update.
        Counter c = Counter.of("a", 1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch begun = new CountDownLatch(1);
            Future<?> holder = other.submit(() -> db.atomic().run(() -> {
                begun.countDown();
                sleep(HOLD_MILLIS);
                Counter mine = Counter.objects.get("pk", c.id);
                mine.qty = 10;
                mine.save();
            }));
            assertThat(begun.await(10, TimeUnit.SECONDS)).isTrue();
            long start = System.nanoTime();
            int seen = db.atomic().call(() -> Counter.objects.selectForUpdate(OnLocked.NOWAIT).get("pk", c.id).qty);
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            holder.get(10, TimeUnit.SECONDS);
            assertThat(waited).isGreaterThan(HOLD_MILLIS / 2);
            assertThat(seen).isEqualTo(10);
        } finally {
            other.shutdownNow();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
