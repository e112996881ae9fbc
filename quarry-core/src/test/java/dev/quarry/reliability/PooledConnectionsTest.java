package dev.quarry.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.Manager;
import dev.quarry.test.TestDatabases;
import java.io.PrintWriter;
import java.lang.ref.WeakReference;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Under a pool, Quarry keeps nothing of a connection once it is returned: 0.1 kept a reference to
 * every connection a pool handed it (+626 bytes per query, ~3 GB per hour at 1,400 queries/s)
 * and prepared it again at every borrow.
 */
class PooledConnectionsTest {

    /** A DataSource that remembers, weakly, every connection it hands out (HikariCP's proxies are new at each borrow). */
    static final class Watching implements DataSource {
        final DataSource inner;
        final List<WeakReference<Connection>> handedOut = new ArrayList<>();

        Watching(DataSource inner) {
            this.inner = inner;
        }

        @Override
        public synchronized Connection getConnection() throws SQLException {
            Connection c = inner.getConnection();
            handedOut.add(new WeakReference<>(c));
            return c;
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return inner.getConnection(user, password);
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return inner.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            inner.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            inner.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return inner.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return inner.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException {
            return inner.isWrapperFor(iface);
        }

        synchronized long stillReachable() {
            return handedOut.stream().filter(r -> r.get() != null).count();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.quarry.reliability.Fixture#backends")
    void nothingOfAReturnedConnectionIsKept(TestDatabases.Target target) throws Exception {
        try (Fixture f = Fixture.pooled(target, 4)) {
            Watching watching = new Watching(f.pool);
            try (dev.quarry.Quarry q = dev.quarry.Quarry.builder().dataSource(watching).models(Item.class, Note.class).build()) {
                Manager<Item> items = Item.objects.using(q);
                Item it = items.create(Map.of("name", "a", "qty", 1));
                for (int i = 0; i < 2_000; i++) {
                    assertThat(items.get("pk", it.id).qty).isEqualTo(1);
                }
                assertThat(watching.handedOut.size()).isGreaterThanOrEqualTo(2_000);
                long reachable = Long.MAX_VALUE;
                for (int i = 0; i < 20 && reachable > 0; i++) {
                    System.gc();
                    Thread.sleep(50);
                    reachable = watching.stillReachable();
                }
                // Every proxy the pool handed out can be collected once returned (Quarry holds none).
                assertThat(reachable).isZero();
            }
        }
    }
}
