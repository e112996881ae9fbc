package dev.quarry.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.quarry.Manager;
import dev.quarry.db.Database;
import dev.quarry.load.Session;
import dev.quarry.sql.CompiledSql;
import dev.quarry.test.TestDatabases;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code stream()} gives its connection back however it ends: 0.1 leaked one per stream that was
 * not closed (PostgreSQL showed it {@code idle in transaction}; a pool of 4 was exhausted after 4
 * calls). With a HikariCP pool of 2 and with {@code url()}, each way of ending a stream runs many
 * more times than the pool has connections: read to the end without close, closed early by
 * try-with-resources, a row reader that throws, the caller's own code throwing inside
 * try-with-resources. After each: no connection borrowed, no session in a transaction; the pool
 * is never exhausted. An open stream is seen by the same checks (so they can see a leak).
 */
class StreamReleaseTest {
    private static final int ROWS = 600;
    private static final int ROUNDS = 4 * Stress.SCALE;

    @ParameterizedTest
    @MethodSource("dev.quarry.reliability.Fixture#backends")
    void everyEndOfAStreamGivesItsConnectionBack(TestDatabases.Target target) throws Exception {
        for (boolean pooled : new boolean[] {true, false}) {
            try (Fixture f = pooled ? Fixture.pooled(target, 2, c -> c.setConnectionTimeout(3_000)) : Fixture.direct(target);
                 ServerSessions sessions = new ServerSessions(f)) {
                Manager<Item> items = Item.objects.using(f.quarry);
                List<Item> rows = new ArrayList<>();
                for (int i = 0; i < ROWS; i++) {
                    Item it = new Item();
                    it.name = "s" + i;
                    it.qty = i;
                    rows.add(it);
                }
                items.bulkCreate(rows);
                Database db = Session.of(f.quarry).database();
                CompiledSql select = CompiledSql.of("SELECT " + db.backend().operations().quoteName("qty") + " FROM "
                        + db.backend().operations().quoteName("item") + " ORDER BY 1", List.of());
                String mode = pooled ? "pool" : "url";
                List<String> leaks = new ArrayList<>();
                int streams = 0;

                // The checks see an open stream: a cursor half read holds a connection (in a transaction on PostgreSQL).
                try (Stream<Item> open = items.orderBy("qty").stream()) {
                    Iterator<Item> it = open.iterator();
                    assertThat(it.next().qty).isZero();
                    if (f.pool != null) {
                        assertThat(f.pool.getHikariPoolMXBean().getActiveConnections()).isEqualTo(1);
                    }
                    assertThat(sessions.openTransactions()).as("an open stream is seen").isEqualTo(1);
                }

                for (int round = 0; round < ROUNDS; round++) {
                    // read to the end, never closed
                    List<Item> all = items.orderBy("qty").stream().toList();
                    assertThat(all).hasSize(ROWS);
                    assertThat(all.get(ROWS - 1).qty).isEqualTo(ROWS - 1);
                    check(f, sessions, mode + " read to the end", leaks);

                    // closed early
                    try (Stream<Item> s = items.orderBy("qty").stream()) {
                        assertThat(s.limit(3).map(it -> it.qty).toList()).containsExactly(0, 1, 2);
                    }
                    check(f, sessions, mode + " closed early", leaks);

                    // a row reader that throws, never closed
                    int[] read = {0};
                    IllegalStateException boom = new IllegalStateException("row reader failed");
                    Throwable thrown = catchThrowable(() -> db.stream(select, rs -> {
                        if (++read[0] == 100) {
                            throw boom;
                        }
                        return rs.getInt(1);
                    }, 50).toList());
                    assertThat(thrown).isSameAs(boom);
                    check(f, sessions, mode + " reader threw", leaks);

                    // the caller's code throws inside try-with-resources
                    Throwable mine = catchThrowable(() -> {
                        try (Stream<Item> s = items.orderBy("qty").stream()) {
                            s.forEach(it -> {
                                if (it.qty == 10) {
                                    throw new IllegalArgumentException("caller failed");
                                }
                            });
                        }
                    });
                    assertThat(mine).hasMessage("caller failed");
                    check(f, sessions, mode + " caller threw", leaks);
                    streams += 4;
                }
                assertThat(items.count()).isEqualTo(ROWS);
                long waiting = f.pool == null ? 0 : f.pool.getHikariPoolMXBean().getThreadsAwaitingConnection();
                Stress.report("streams %s %s: %d streams (read to the end, closed early, reader threw, caller threw) "
                        + "on a %s, %d left a connection borrowed or a transaction open, %d threads waiting",
                        f.target.label(), mode, streams, pooled ? "pool of 2" : "url()", leaks.size(), waiting);
                assertThat(leaks).as("streams that kept a connection").isEmpty();
            }
        }
    }

    private static void check(Fixture f, ServerSessions sessions, String what, List<String> leaks) {
        long active = f.pool == null ? 0 : f.pool.getHikariPoolMXBean().getActiveConnections();
        long open = sessions.openTransactions();
        if (active != 0 || open != 0) {
            leaks.add(what + ": " + active + " borrowed, " + open + " in a transaction");
        }
    }
}
