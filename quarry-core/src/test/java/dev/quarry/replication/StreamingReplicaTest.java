package dev.quarry.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.DatabaseError;
import dev.quarry.PrimaryReplicaRouter;
import dev.quarry.Quarry;
import dev.quarry.test.Queries;
import dev.quarry.test.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@link PrimaryReplicaRouter} on real PostgreSQL streaming replication: a replica of the local
 * test server started for this class ({@link StreamingReplica}), an isolated schema written on the
 * primary and read back from the replica once replayed, read-your-writes while the replica is held
 * back, a replica lagging more than the bound skipped, and a replica stopped mid-run skipped and
 * taken back once it is up again. Skipped where PostgreSQL or its server tools are missing; under
 * {@code CI=true} with PostgreSQL named in {@code QUARRY_TEST_DATABASES}, a replica that cannot be
 * started fails the class instead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StreamingReplicaTest {
    private TestDatabases.Target target;
    private StreamingReplica replica;
    private TestDatabases.Isolated schema;
    private final List<Quarry> quarrys = new ArrayList<>();
    private ExecutorService other;

    @BeforeAll
    void startReplica() {
        Optional<TestDatabases.Target> pg = TestDatabases.active().stream().filter(t -> t.vendor().equals("postgresql"))
                .findFirst();
        Assumptions.assumeTrue(pg.isPresent(), "PostgreSQL is not among the reachable test databases");
        target = pg.get();
        try {
            replica = StreamingReplica.start(target.serverUrl(), target.user(), target.password());
        } catch (StreamingReplica.Unavailable e) {
            String named = System.getProperty("quarry.test.databases", System.getenv("QUARRY_TEST_DATABASES"));
            if ("true".equalsIgnoreCase(System.getenv("CI")) && named != null && named.contains("postgres")) {
                throw new IllegalStateException("CI names PostgreSQL, but no streaming replica could be started: "
                        + e.getMessage(), e);
            }
            Assumptions.abort("no streaming replica here: " + e.getMessage());
        }
        schema = target.create();
        Quarry setup = quarry(PrimaryReplicaRouter.builder().replicas("replica").build());
        setup.createTables(); // on the primary only: the router's allowMigrate; the replica gets them by replication
        replica.awaitCaughtUp(30_000);
        other = Executors.newSingleThreadExecutor();
    }

    @AfterEach
    void resumeReplay() {
        if (replica != null) {
            replica.replay(true);
        }
    }

    @AfterAll
    void stopReplica() {
        for (Quarry q : quarrys) {
            q.close();
        }
        if (other != null) {
            other.shutdownNow();
        }
        try {
            if (replica != null) {
                replica.close();
            }
        } finally {
            if (schema != null) {
                schema.drop();
            }
        }
    }

    /** A Quarry of the primary ("default") and the replica ("replica") over the test schema, with {@code router}. */
    private Quarry quarry(PrimaryReplicaRouter router) {
        String suffix = "?currentSchema=" + schema.name();
        Quarry q = Quarry.builder().url(schema.url()).user(target.user()).password(target.password())
                .database("replica", replica.url(target.serverUrl().replaceAll(".*/", "").replaceAll("\\?.*", ""), suffix),
                        target.user(), target.password())
                .router(router).models(Entry.class).build();
        quarrys.add(q);
        return q;
    }

    private static <T> T ran(Quarry q, int onPrimary, int onReplica, Supplier<T> work) {
        return new Queries(q, "default").assertNumQueries(onPrimary, () -> new Queries(q, "replica").assertNumQueries(onReplica,
                work));
    }

    private <T> T onOtherThread(Supplier<T> work) {
        try {
            return other.submit(work::get).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Quarry q, String text) {
        Entry.objects.using(q).create(e -> e.text = text);
    }

    private static boolean exists(Quarry q, String text) {
        return Entry.objects.using(q).filter("text", text).exists();
    }

    @Test
    @Order(1)
    void writesGoToThePrimaryAndReadsToTheReplicaOnceReplayed() {
        Quarry q = quarry(PrimaryReplicaRouter.builder().replicas("replica").readYourWrites(Duration.ZERO)
                .checkEvery(Duration.ZERO).maxLag(Duration.ofSeconds(30)).build());
        ran(q, 3, 0, () -> {
            for (String t : List.of("a", "b", "c")) {
                write(q, t);
            }
            return null;
        });
        replica.awaitCaughtUp(30_000);
        assertThat(ran(q, 0, 1, () -> Entry.objects.using(q).count())).isEqualTo(3);
        assertThat(ran(q, 0, 1, () -> Entry.objects.using(q).get("text", "b").database())).contains("replica");
        assertThat(q.replicationLag("replica")).isPresent().hasValueSatisfying(l -> assertThat(l).isLessThan(
                Duration.ofSeconds(30)));
        assertThat(q.replicationLag("default")).isEmpty();
        // The replica is read-only: a write sent there by name is the database's error.
        assertThatThrownBy(() -> Entry.objects.using(q).using("replica").create(e -> e.text = "x"))
                .isInstanceOf(DatabaseError.class).hasMessageContaining("read-only");
    }

    @Test
    @Order(2)
    void aThreadReadsItsOwnWriteFromThePrimaryWhileTheReplicaLags() {
        Quarry q = quarry(PrimaryReplicaRouter.builder().replicas("replica").readYourWrites(Duration.ofSeconds(30))
                .checkEvery(Duration.ZERO).maxLag(Duration.ofHours(1)).build());
        replica.replay(false);
        ran(q, 1, 0, () -> {
            write(q, "mine");
            return null;
        });
        assertThat(ran(q, 1, 0, () -> exists(q, "mine"))).as("the writer reads its write").isTrue();
        // Another thread, which wrote nothing, reads from the replica: it has not replayed the row yet.
        assertThat(onOtherThread(() -> ran(q, 0, 1, () -> exists(q, "mine")))).as("the replica lags").isFalse();
        replica.replay(true);
        replica.awaitCaughtUp(30_000);
        assertThat(onOtherThread(() -> ran(q, 0, 1, () -> exists(q, "mine")))).isTrue();
    }

    @Test
    @Order(3)
    void aReplicaLaggingMoreThanTheBoundIsSkipped() {
        Quarry q = quarry(PrimaryReplicaRouter.builder().replicas("replica").readYourWrites(Duration.ZERO)
                .checkEvery(Duration.ZERO).maxLag(Duration.ofSeconds(1)).build());
        assertThat(ran(q, 0, 1, () -> exists(q, "late"))).isFalse();
        replica.replay(false);
        write(q, "late");
        long deadline = System.currentTimeMillis() + 20_000;
        Duration lag = Duration.ZERO;
        while (System.currentTimeMillis() < deadline && lag.compareTo(Duration.ofMillis(1_500)) <= 0) {
            StreamingReplica.sleep(100);
            lag = q.replicationLag("replica").orElseThrow();
        }
        assertThat(lag).as("lag while replay is paused").isGreaterThan(Duration.ofMillis(1_500));
        String log = stderr(() -> assertThat(ran(q, 1, 0, () -> exists(q, "late"))).isTrue());
        assertThat(log).contains("Replica 'replica' skipped: lagging").contains("(bound 1.0 s); its reads go to the "
                + "primary 'default'");
        replica.replay(true);
        replica.awaitCaughtUp(30_000);
        log = stderr(() -> assertThat(ran(q, 0, 1, () -> exists(q, "late"))).isTrue());
        assertThat(log).contains("Replica 'replica' back in rotation");
    }

    @Test
    @Order(4)
    void aReplicaThatGoesDownMidRunIsSkippedUntilItIsBack() throws Exception {
        Quarry q = quarry(PrimaryReplicaRouter.builder().replicas("replica").readYourWrites(Duration.ZERO)
                .checkEvery(Duration.ZERO).maxLag(Duration.ofSeconds(30)).build());
        write(q, "steady");
        replica.awaitCaughtUp(30_000);
        assertThat(ran(q, 0, 1, () -> exists(q, "steady"))).isTrue();

        // A reader keeps reading on another thread while the replica stops under it.
        long[] stoppedAt = {Long.MAX_VALUE};
        List<long[]> reads = java.util.Collections.synchronizedList(new ArrayList<>());
        Future<?> reader = other.submit(() -> {
            long end = System.currentTimeMillis() + 2_000;
            while (System.currentTimeMillis() < end) {
                long start = System.currentTimeMillis();
                boolean ok;
                try {
                    ok = exists(q, "steady");
                } catch (DatabaseError e) {
                    ok = false;
                }
                reads.add(new long[] {start, ok ? 1 : 0});
                StreamingReplica.sleep(20);
            }
        });
        StreamingReplica.sleep(300);
        String log = stderr(() -> {
            replica.stop();
            stoppedAt[0] = System.currentTimeMillis();
            try {
                reader.get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        List<long[]> after = reads.stream().filter(r -> r[0] > stoppedAt[0]).toList();
        long failedInFlight = reads.stream().filter(r -> r[0] <= stoppedAt[0] && r[1] == 0).count();
        System.out.printf("[replica] reads while the replica stopped: %d, %d after it was down (all on the primary), "
                + "%d failed in flight%n", reads.size(), after.size(), failedInFlight);
        assertThat(after).as("reads begun after the replica was down").isNotEmpty().allSatisfy(r -> assertThat(r[1])
                .isEqualTo(1));
        assertThat(reads.stream().filter(r -> r[0] <= stoppedAt[0] && r[1] == 1).count()).isPositive();
        assertThat(log).contains("Replica 'replica' skipped: unreachable");
        assertThat(ran(q, 1, 0, () -> exists(q, "steady"))).isTrue();
        assertThatThrownBy(() -> q.replicationLag("replica")).isInstanceOf(DatabaseError.class);

        replica.startServer();
        replica.awaitCaughtUp(30_000);
        log = stderr(() -> {
            long deadline = System.currentTimeMillis() + 10_000;
            boolean back = false;
            while (!back && System.currentTimeMillis() < deadline) {
                back = new Queries(q, "replica").captured(() -> exists(q, "steady")).size() == 1;
            }
            assertThat(back).as("reads go to the replica again").isTrue();
        });
        assertThat(log).contains("Replica 'replica' back in rotation");
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
        String text = out.toString(StandardCharsets.UTF_8);
        old.print(text);
        return text;
    }
}
