package dev.quarry.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.quarry.DatabaseError;
import dev.quarry.Manager;
import dev.quarry.OperationalError;
import dev.quarry.Quarry;
import dev.quarry.QueryListener;
import dev.quarry.load.Session;
import dev.quarry.test.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Connections killed in the middle of three operations that each must be all or nothing: a
 * {@code bulkCreate} of 2,000 rows in 20 statements, a cascade delete of a tree of 26 rows
 * (Item → 5 Notes → 20 Stamps), and an {@code atomic().run(...)} of eight statements with a nested
 * block. A run without a fault counts the operation's statements; then each fault kills the
 * connection from outside (PostgreSQL {@code pg_terminate_backend} from an admin session, MariaDB
 * {@code KILL CONNECTION}, SQLite: the driver's connection closed under Quarry) right after
 * statement k, for k spread from the first statement to the last (a kill after the last one makes
 * the COMMIT fail). Each fault must leave the rows exactly as before, throw the statement's
 * {@link DatabaseError} (never a cleanup step's), and the very next query must succeed; with a
 * HikariCP pool of 2 and with {@code url()}.
 */
class KilledMidOperationTest {
    private static final int FAULTS = 4 * Stress.SCALE;
    private static final int BULK_ROWS = 2_000;
    private static final int BULK_BATCH = 100;

    /** One operation under test: {@code prepare} makes its rows, {@code work} runs it, {@code state} reads what it touches. */
    private record Operation(String name, IntConsumer prepare, IntConsumer work, IntFunction<String> state) {}

    /** Figures of one operation under faults. */
    private static final class Tally {
        int statements;
        int faults;
        int partial;
        int nextQueryFailed;
        final Map<String, Integer> errors = new TreeMap<>();
    }

    @ParameterizedTest
    @MethodSource("dev.quarry.reliability.Fixture#backends")
    void bulkCreateKilledMidWayWritesNothing(TestDatabases.Target target) throws Exception {
        forEachMode(target, f -> {
            Manager<Item> items = Item.objects.using(f.quarry);
            return new Operation("bulkCreate", i -> { }, i -> {
                List<Item> rows = new ArrayList<>(BULK_ROWS);
                for (int j = 0; j < BULK_ROWS; j++) {
                    Item it = new Item();
                    it.name = "bulk" + i + "-" + j;
                    it.qty = j;
                    rows.add(it);
                }
                items.bulkCreate(rows, BULK_BATCH);
            }, i -> "items=" + items.filter("name__startswith", "bulk" + i + "-").count());
        });
    }

    @ParameterizedTest
    @MethodSource("dev.quarry.reliability.Fixture#backends")
    void cascadeDeleteKilledMidWayDeletesNothing(TestDatabases.Target target) throws Exception {
        forEachMode(target, f -> {
            Manager<Item> items = Item.objects.using(f.quarry);
            Manager<Note> notes = Note.objects.using(f.quarry);
            Manager<Stamp> stamps = Stamp.objects.using(f.quarry);
            Map<Integer, Item> roots = new java.util.HashMap<>();
            return new Operation("cascade delete", i -> {
                Item root = items.create(Map.of("name", "tree" + i, "qty", i));
                roots.put(i, root);
                for (int n = 0; n < 5; n++) {
                    Note note = notes.create(Map.of("item", root, "text", "n" + n));
                    for (int s = 0; s < 4; s++) {
                        stamps.create(Map.of("note", note, "mark", "s" + s));
                    }
                }
            }, i -> roots.get(i).delete(),
                    i -> "items=" + items.filter("name", "tree" + i).count()
                            + " notes=" + notes.filter("item__name", "tree" + i).count()
                            + " stamps=" + stamps.filter("note__item__name", "tree" + i).count());
        });
    }

    @ParameterizedTest
    @MethodSource("dev.quarry.reliability.Fixture#backends")
    void transactionKilledMidWayWritesNothing(TestDatabases.Target target) throws Exception {
        forEachMode(target, f -> {
            Quarry q = f.quarry;
            Manager<Item> items = Item.objects.using(q);
            Manager<Note> notes = Note.objects.using(q);
            Item keeper = items.create(Map.of("name", "keeper", "qty", -1));
            return new Operation("atomic", i -> { }, i -> q.atomic().run(() -> {
                Item a = items.create(Map.of("name", "tx" + i + "-a", "qty", 1));
                Item b = items.create(Map.of("name", "tx" + i + "-b", "qty", 1));
                notes.create(Map.of("item", a, "text", "x"));
                q.atomic().run(() -> {
                    notes.create(Map.of("item", b, "text", "y"));
                    items.filter("name__startswith", "tx" + i + "-").update("qty", 2);
                });
                items.filter("pk", keeper.id).update("qty", i);
                items.get("pk", a.id);
                Stamp.objects.using(q).create(Map.of("note", notes.get("item", b), "mark", "z"));
            }), i -> "items=" + items.filter("name__startswith", "tx" + i + "-").count()
                    + " notes=" + notes.filter("item__name__startswith", "tx" + i + "-").count()
                    + " keeper=" + items.get("pk", keeper.id).qty);
        });
    }

    private interface OperationFactory {
        Operation on(Fixture f);
    }

    private static void forEachMode(TestDatabases.Target target, OperationFactory factory) throws Exception {
        for (boolean pooled : new boolean[] {true, false}) {
            try (Fixture f = pooled ? Fixture.pooled(target, 2) : Fixture.direct(target);
                 ServerSessions sessions = new ServerSessions(f)) {
                Operation op = factory.on(f);
                Tally tally = faults(f, sessions, op);
                long active = f.pool == null ? 0 : f.pool.getHikariPoolMXBean().getActiveConnections();
                long open = sessions.openTransactionsSettled();
                Stress.report("faults %s %s %s: %d statements, %d faults injected, %d partial writes, %d next queries failed, "
                                + "%d connections active, %d open transactions, first errors %s",
                        f.target.label(), pooled ? "pool" : "url", op.name(), tally.statements, tally.faults, tally.partial,
                        tally.nextQueryFailed, active, open, tally.errors);
                assertThat(tally.partial).as("partial writes").isZero();
                assertThat(tally.nextQueryFailed).as("next queries that failed").isZero();
                assertThat(active).as("connections still borrowed").isZero();
                assertThat(open).as("sessions left in a transaction").isZero();
            }
        }
    }

    private static Tally faults(Fixture f, ServerSessions sessions, Operation op) {
        Manager<Item> items = Item.objects.using(f.quarry);
        Tally tally = new Tally();
        Thread self = Thread.currentThread();
        int[] seen = {0};
        int[] killAfter = {0};
        // Counts the statements of this thread's transactions, and kills its connection after the chosen one.
        QueryListener counter = query -> {
            if (Thread.currentThread() == self && Session.of(f.quarry).database().inTransaction()
                    && ++seen[0] == killAfter[0]) {
                sessions.killCurrent();
                tally.faults++;
            }
        };
        f.quarry.addQueryListener(counter);

        // Without a fault, the operation runs whole: count its statements.
        op.prepare().accept(0);
        String before = op.state().apply(0);
        seen[0] = 0;
        op.work().accept(0);
        tally.statements = seen[0];
        assertThat(op.state().apply(0)).as("%s without a fault", op.name()).isNotEqualTo(before);

        for (int i = 1; i <= FAULTS; i++) {
            op.prepare().accept(i);
            before = op.state().apply(i);
            seen[0] = 0;
            int k = FAULTS == 1 ? tally.statements
                    : 1 + (int) Math.round((i - 1) * (tally.statements - 1) / (double) (FAULTS - 1));
            killAfter[0] = k;
            int n = i;
            Throwable e = catchThrowable(() -> op.work().accept(n));
            killAfter[0] = 0;
            assertThat(e).as("%s killed after statement %d of %d", op.name(), k, tally.statements)
                    .isInstanceOf(DatabaseError.class);
            DatabaseError error = (DatabaseError) e;
            tally.errors.merge(error.getClass().getSimpleName() + "(" + error.sqlState() + ")", 1, Integer::sum);
            // The first error: the statement's (or the COMMIT's), never a cleanup step's.
            assertThat(error.sql()).as("the failing statement of %s", error).isNotNull();
            assertThat(error.sql().toUpperCase()).doesNotStartWith("ROLLBACK");
            assertThat(error.getMessage()).doesNotContainIgnoringCase("setAutoCommit").doesNotContain("while running: release");
            if (!f.vendor().equals("sqlite")) {
                assertThat(error).isInstanceOf(OperationalError.class);
            }
            Throwable next = catchThrowable(items::count);
            if (next != null) {
                tally.nextQueryFailed++;
                next.printStackTrace();
            }
            String after = op.state().apply(i);
            if (!after.equals(before)) {
                tally.partial++;
                System.out.printf("[stress] partial write in %s killed after statement %d: %s, was %s%n", op.name(),
                        k, after, before);
            }
        }
        f.quarry.removeQueryListener(counter);
        return tally;
    }
}
