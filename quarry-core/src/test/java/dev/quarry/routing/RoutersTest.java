package dev.quarry.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.DatabaseError;
import dev.quarry.ImproperlyConfigured;
import dev.quarry.Model;
import dev.quarry.OperationalError;
import dev.quarry.PrimaryReplicaRouter;
import dev.quarry.Quarry;
import dev.quarry.Router;
import dev.quarry.test.Queries;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Routers on every backend: {@link PrimaryReplicaRouter}'s round robin over replicas, writes and
 * transactions on the primary, read-your-writes by window and by request scope, lagging and
 * unreachable replicas skipped with a log line, relations and tables in the pool, and a chain where
 * the first router's answer wins. The primary and replicas are stand-ins (separate databases of
 * one backend, see {@link StandIns}) holding different rows, so the rows a read returns and the
 * statements counted per database show where it ran. Real replication is tested on PostgreSQL by
 * {@code dev.quarry.replication.StreamingReplicaTest}.
 */
class RoutersTest {
    private static final List<String> TWO = List.of("replica1", "replica2");

    @TempDir
    Path dir;

    private StandIns standIns;

    @BeforeEach
    void start() {
        Quarry.uninstall();
        standIns = new StandIns(dir);
    }

    @AfterEach
    void stop() {
        Quarry.uninstall();
        standIns.close();
    }

    static List<String> backends() {
        return StandIns.backends();
    }

    /** A folder and a note "on NAME" in each database, written by name (no router is asked). */
    private static void fill(Quarry q) {
        for (String name : q.databases()) {
            Folder f = Folder.objects.using(q).using(name).create(x -> x.name = "f");
            Note.objects.using(q).using(name).create(n -> {
                n.text = "on " + name;
                n.folder.set(f);
            });
        }
    }

    /** Where an unnamed read of the notes ran, by the row it found. */
    private static String read(Quarry q) {
        List<String> texts = Note.objects.using(q).valuesList("text", String.class).list();
        assertThat(texts).hasSize(1);
        return texts.get(0).substring(3);
    }

    /** Runs {@code work}, failing unless it ran the given number of statements on each database (in {@code q.databases()} order). */
    private static <T> T ran(Quarry q, int[] counts, Supplier<T> work) {
        Supplier<T> w = work;
        List<String> names = q.databases();
        for (int i = names.size() - 1; i >= 0; i--) {
            Supplier<T> inner = w;
            Queries queries = new Queries(q, names.get(i));
            int expected = counts[i];
            w = () -> queries.assertNumQueries(expected, inner);
        }
        return w.get();
    }

    private static int[] on(int... counts) {
        return counts;
    }

    private static PrimaryReplicaRouter.Builder router() {
        return PrimaryReplicaRouter.builder().replicas("replica1", "replica2").readYourWrites(Duration.ZERO)
                .checkEvery(Duration.ZERO);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void readsGoToReplicasInTurnAndWritesToThePrimary(String backend) {
        Quarry q = standIns.quarry(backend, TWO, router().build());
        fill(q);
        List<String> seen = new ArrayList<>();
        ran(q, on(0, 2, 2), () -> {
            for (int i = 0; i < 4; i++) {
                seen.add(read(q));
            }
            return null;
        });
        assertThat(seen).containsExactly("replica1", "replica2", "replica1", "replica2");
        Folder f = ran(q, on(0, 1, 0), () -> Folder.objects.using(q).get("name", "f"));
        assertThat(f.database()).contains("replica1");
        // A write goes to the primary, whatever database the instance came from.
        f.name = "renamed";
        ran(q, on(1, 0, 0), () -> {
            f.save();
            return null;
        });
        ran(q, on(1, 0, 0), () -> Note.objects.using(q).create(n -> {
            n.text = "new";
            n.folder.set(f);
        }));
        assertThat(Folder.objects.using(q).using("default").valuesList("name", String.class).list()).containsExactly("renamed");
        // Related reads are reads: they go to a replica, not to the database the owner came from.
        Note loaded = Note.objects.using(q).using("default").get("text", "on default");
        assertThat(ran(q, on(0, 0, 1), () -> loaded.folder.get().name)).isEqualTo("f");
        // Locking reads and getOrCreate's get are routed as writes.
        ran(q, on(1, 0, 0), () -> q.atomic().call(() -> Note.objects.using(q).selectForUpdate().filter("text", "new").count()));
        assertThat(ran(q, on(1, 0, 0), () -> Note.objects.using(q).getOrCreate(Map.of("text", "new")).created())).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aThreadReadsItsOwnWritesFromThePrimaryWithinTheWindow(String backend) throws Exception {
        MovableClock clock = new MovableClock();
        Quarry q = standIns.quarry(backend, TWO, router().readYourWrites(Duration.ofSeconds(2)).clock(clock).build());
        fill(q);
        // Pointing a new note at its folder asked dbForWrite (as Django's descriptor does), which starts the window.
        clock.advance(Duration.ofSeconds(3));
        assertThat(read(q)).isEqualTo("replica1");
        Folder f = Folder.objects.using(q).create(x -> x.name = "mine");
        assertThat(f.database()).contains("default");
        assertThat(ran(q, on(1, 0, 0), () -> read(q))).isEqualTo("default");
        clock.advance(Duration.ofMillis(1_500));
        assertThat(read(q)).isEqualTo("default");
        // Another thread has not written: it reads from a replica meanwhile.
        var pool = Executors.newSingleThreadExecutor();
        try {
            assertThat(pool.submit(() -> read(q)).get()).startsWith("replica");
        } finally {
            pool.shutdown();
        }
        clock.advance(Duration.ofMillis(600));
        assertThat(ran(q, on(0, 1, 0), () -> read(q))).isEqualTo("replica1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aRequestScopePinsReadsToThePrimaryAfterItsFirstWrite(String backend) {
        MovableClock clock = new MovableClock();
        PrimaryReplicaRouter router = router().clock(clock).build();
        Quarry q = standIns.quarry(backend, TWO, router);
        fill(q);
        try (PrimaryReplicaRouter.Scope request = router.request()) {
            assertThat(read(q)).isEqualTo("replica1");
            Folder.objects.using(q).create(x -> x.name = "x");
            clock.advance(Duration.ofMinutes(5));
            assertThat(ran(q, on(1, 0, 0), () -> read(q))).isEqualTo("default");
            assertThat(read(q)).isEqualTo("default");
        }
        assertThat(read(q)).isEqualTo("replica2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void readsInATransactionStayOnItsDatabase(String backend) {
        Quarry q = standIns.quarry(backend, TWO, router().build());
        fill(q);
        assertThat(q.atomic().call(() -> List.of(read(q), read(q)))).containsExactly("default", "default");
        assertThat(q.atomic("replica2").readOnly().call(() -> List.of(read(q), read(q))))
                .containsExactly("replica2", "replica2");
        assertThat(read(q)).isEqualTo("replica1");
        // a read-only transaction on the primary needs no primary: its reads go to the replicas in turn
        assertThat(q.atomic().readOnly().call(() -> List.of(read(q), read(q)))).containsExactly("replica2", "replica1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void laggingAndUnreachableReplicasAreSkippedWithALogLine(String backend) {
        Map<String, Supplier<Optional<Duration>>> lag = new ConcurrentHashMap<>();
        lag.put("replica1", Optional::empty);
        lag.put("replica2", Optional::empty);
        MovableClock clock = new MovableClock();
        PrimaryReplicaRouter router = router().maxLag(Duration.ofSeconds(5)).checkEvery(Duration.ofSeconds(1)).clock(clock)
                .lagProbe((quarry, name) -> lag.get(name).get()).build();
        Quarry q = standIns.quarry(backend, TWO, router);
        fill(q);
        assertThat(List.of(read(q), read(q))).containsExactly("replica1", "replica2");

        lag.put("replica1", () -> Optional.of(Duration.ofSeconds(30)));
        // Checked at most once a second: until then the last check stands.
        assertThat(read(q)).isEqualTo("replica1");
        clock.advance(Duration.ofSeconds(1));
        String log = stderr(() -> assertThat(List.of(read(q), read(q), read(q))).containsOnly("replica2"));
        assertThat(log).contains("Replica 'replica1' skipped: lagging 30.0 s behind the primary (bound 5.0 s); its reads go "
                + "to the other replicas");
        assertThat(log.lines().filter(l -> l.contains("skipped")).count()).as("one line per change").isEqualTo(1);

        lag.put("replica2", () -> {
            throw new OperationalError("connection refused", "08001", 0, null, null);
        });
        clock.advance(Duration.ofSeconds(1));
        log = stderr(() -> assertThat(ran(q, on(2, 0, 0), () -> List.of(read(q), read(q)))).containsOnly("default"));
        assertThat(log).contains("Replica 'replica2' skipped: unreachable (OperationalError, SQLSTATE 08001)");
        assertThat(router.replicaStates()).containsEntry("replica1", "skipped: lagging 30.0 s behind the primary (bound 5.0 s)")
                .containsEntry("replica2", "skipped: unreachable (OperationalError, SQLSTATE 08001)");

        lag.put("replica1", () -> Optional.of(Duration.ofMillis(200)));
        clock.advance(Duration.ofSeconds(1));
        log = stderr(() -> assertThat(read(q)).isEqualTo("replica1"));
        assertThat(log).contains("Replica 'replica1' back in rotation: lag 0.2 s");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void relationsSpanThePoolAndTablesBelongToThePrimary(String backend) {
        PrimaryReplicaRouter router = router().build();
        Quarry q = standIns.quarry(backend, TWO, router);
        fill(q);
        Folder fromReplica = Folder.objects.using(q).get("name", "f");
        assertThat(fromReplica.database()).contains("replica1");
        Note onPrimary = Note.objects.using(q).using("default").get("text", "on default");
        onPrimary.folder.set(fromReplica); // same rows on primary and replicas: allowed
        assertThat(router.allowMigrate("default", Note.class)).contains(true);
        assertThat(router.allowMigrate("replica1", Note.class)).contains(false);
        assertThat(router.allowMigrate("elsewhere", Note.class)).isEmpty();
        q.dropTables();
        assertThatThrownBy(() -> Note.objects.using(q).using("default").count()).isInstanceOf(DatabaseError.class);
        assertThat(Note.objects.using(q).using("replica2").count()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void chainedRoutersAreAskedInOrder(String backend) {
        Router folders = new Router() {
            @Override
            public Optional<String> dbForRead(Class<? extends Model> model, Hints hints) {
                return model == Folder.class ? Optional.of("replica2") : Optional.empty();
            }
        };
        Quarry q = standIns.quarry(backend, TWO, folders, router().build());
        fill(q);
        ran(q, on(0, 0, 3), () -> {
            for (int i = 0; i < 3; i++) {
                assertThat(Folder.objects.using(q).get("name", "f").database()).contains("replica2");
            }
            return null;
        });
        assertThat(List.of(read(q), read(q))).containsExactly("replica1", "replica2");

        Router lost = new Router() {
            @Override
            public Optional<String> dbForRead(Class<? extends Model> model, Hints hints) {
                return Optional.of("archive");
            }
        };
        Quarry bad = standIns.quarry(backend, List.of(), lost);
        assertThatThrownBy(() -> Note.objects.using(bad).count()).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("sent a read of Note to database 'archive', which is not one of this Quarry's: [default]");
        assertThatThrownBy(() -> PrimaryReplicaRouter.builder().replicas("default").build())
                .isInstanceOf(ImproperlyConfigured.class);
    }

    /** What {@code work} wrote to standard error (where slf4j-simple logs). */
    private static String stderr(Runnable work) {
        PrintStream old = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setErr(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } finally {
            System.setErr(old);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
