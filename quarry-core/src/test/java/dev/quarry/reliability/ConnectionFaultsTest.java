package dev.quarry.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.quarry.DatabaseError;
import dev.quarry.Manager;
import dev.quarry.OperationalError;
import dev.quarry.Quarry;
import dev.quarry.load.Session;
import dev.quarry.test.TestDatabases;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A connection that dies inside a transaction: 0.1 threw the cleanup's error ("Connection is
 * closed ... while running: release") instead of the real one and never returned the connection,
 * so SQLite + HikariCP ran out of connections after 4 faults. Now the first error is thrown, the
 * transaction leaves no partial write, the connection goes back (and is not reused), and the next
 * query succeeds, fault after fault, with a pool of two.
 */
class ConnectionFaultsTest {
    private static final int FAULTS = 6;

    /** Kills the connection the current transaction runs on, as a server restart or a network cut would. */
    private static void killOwnConnection(Quarry q, String vendor) {
        Session.of(q).database().withConnection(c -> {
            switch (vendor) {
                case "postgresql" -> {
                    try (Statement s = c.createStatement()) {
                        s.execute("SELECT pg_terminate_backend(pg_backend_pid())");
                    }
                }
                case "mysql" -> {
                    try (Statement s = c.createStatement()) {
                        s.execute("KILL CONNECTION CONNECTION_ID()");
                    }
                }
                default -> c.close();
            }
            return null;
        });
    }

    @ParameterizedTest
    @MethodSource("dev.quarry.reliability.Fixture#backends")
    void aConnectionKilledMidTransactionReportsTheFirstErrorAndTheNextQuerySucceeds(TestDatabases.Target target) {
        for (boolean pooled : new boolean[] {true, false}) {
            try (Fixture f = pooled ? Fixture.pooled(target, 2) : Fixture.direct(target)) {
                Manager<Item> items = Item.objects.using(f.quarry);
                items.create(Map.of("name", "before", "qty", 0));
                for (int i = 0; i < FAULTS; i++) {
                    int n = i;
                    Throwable e = catchThrowable(() -> f.quarry.atomic().run(() -> {
                        items.create(Map.of("name", "lost-" + n, "qty", n));
                        killOwnConnection(f.quarry, f.vendor());
                        items.create(Map.of("name", "after-kill-" + n, "qty", n));
                    }));
                    assertThat(e).as("fault %d (%s)", i, pooled ? "pool" : "url").isInstanceOf(DatabaseError.class);
                    assertThat(e.getMessage()).doesNotContain("release").doesNotContain("setAutoCommit");
                    if (!f.vendor().equals("sqlite")) {
                        assertThat(e).isInstanceOf(OperationalError.class);
                    }
                    // The next query runs on a good connection and sees no partial write.
                    assertThat(items.filter("name__startswith", "lost-").count()).isZero();
                    assertThat(items.filter("name__startswith", "after-kill-").count()).isZero();
                }
                assertThat(items.count()).isEqualTo(1);
                items.create(Map.of("name", "after", "qty", 1));
                assertThat(items.count()).isEqualTo(2);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dev.quarry.reliability.Fixture#backends")
    void aConnectionThatDiesWhileIdleFailsOneStatementAndIsReplaced(TestDatabases.Target target) {
        // As with Django, a connection that died while idle is found out by the next statement on
        // it, which fails with an OperationalError (it may have reached the server: Quarry does not
        // retry); the dead connection is then discarded and the statement after succeeds.
        for (boolean pooled : new boolean[] {true, false}) {
            try (Fixture f = pooled ? Fixture.pooled(target, 2) : Fixture.direct(target)) {
                Manager<Item> items = Item.objects.using(f.quarry);
                items.create(Map.of("name", "a", "qty", 0));
                for (int i = 0; i < FAULTS; i++) {
                    catchThrowable(() -> killOwnConnection(f.quarry, f.vendor()));
                    Throwable first = catchThrowable(items::count);
                    if (first != null) {
                        assertThat(first).isInstanceOf(OperationalError.class);
                    }
                    assertThat(items.count()).isEqualTo(1);
                }
            }
        }
    }
}
