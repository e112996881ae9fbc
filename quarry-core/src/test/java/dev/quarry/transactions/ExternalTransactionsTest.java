package dev.quarry.transactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ExternalTransactions;
import dev.quarry.Model;
import dev.quarry.Quarry;
import dev.quarry.Router;
import dev.quarry.TransactionManagementError;
import dev.quarry.Isolation;
import dev.quarry.test.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Quarry joining transactions it does not manage ({@link ExternalTransactions}, the hook the Spring Boot
 * starter plugs Spring's transactions into), on every backend. The external transaction manager here is
 * a few lines of plain JDBC: a connection per thread with autocommit off, committed or rolled back by the
 * test, so what Quarry did to it (and did not: commit, close) shows in the rows another thread sees.
 */
class ExternalTransactionsTest {
    @TempDir
    Path dir;

    private final List<Runnable> cleanup = new ArrayList<>();
    private final ExecutorService other = Executors.newSingleThreadExecutor();

    @AfterEach
    void tearDown() {
        other.shutdownNow();
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            cleanup.get(i).run();
        }
        Quarry.uninstall();
    }

    static List<String> backends() {
        List<String> out = new ArrayList<>();
        out.add("sqlite");
        for (TestDatabases.Target t : TestDatabases.active()) {
            if (!t.vendor().equals("sqlite")) {
                out.add(t.label());
            }
        }
        return out;
    }

    /** A hand-made transaction manager: one JDBC connection per thread, with autocommit off. */
    static final class HandMade implements ExternalTransactions {
        final String url;
        final Properties props = new Properties();
        final ThreadLocal<Tx> current = new ThreadLocal<>();

        HandMade(String url, String user, String password) {
            this.url = url;
            if (user != null) {
                props.setProperty("user", user);
            }
            if (password != null) {
                props.setProperty("password", password);
            }
        }

        final class Tx implements Transaction {
            final Connection connection;
            final boolean readOnly;
            final List<Runnable> onCommit = new ArrayList<>();
            final List<Runnable> onRollback = new ArrayList<>();

            Tx(boolean readOnly) throws SQLException {
                this.connection = DriverManager.getConnection(url, props);
                this.connection.setAutoCommit(false);
                this.readOnly = readOnly;
            }

            @Override
            public Connection connection() {
                return connection;
            }

            @Override
            public boolean readOnly() {
                return readOnly;
            }

            @Override
            public void onCommit(Runnable callback) {
                onCommit.add(callback);
            }

            @Override
            public void onRollback(Runnable callback) {
                onRollback.add(callback);
            }
        }

        Tx begin(boolean readOnly) throws SQLException {
            Tx tx = new Tx(readOnly);
            current.set(tx);
            return tx;
        }

        void end(boolean commit) throws SQLException {
            Tx tx = current.get();
            current.remove();
            assertThat(tx.connection.isClosed()).as("Quarry never closes the external connection").isFalse();
            assertThat(tx.connection.getAutoCommit()).as("Quarry never touches its autocommit mode").isFalse();
            if (commit) {
                tx.connection.commit();
                tx.onCommit.forEach(Runnable::run);
            } else {
                tx.connection.rollback();
                tx.onRollback.forEach(Runnable::run);
            }
            tx.connection.close();
        }

        @Override
        public Optional<Transaction> current(String database) {
            return database.equals("default") ? Optional.ofNullable(current.get()) : Optional.empty();
        }
    }

    /** What a router saw of the thread's transaction at its last read. */
    static final class Watching implements Router {
        volatile String seen;

        @Override
        public Optional<String> dbForRead(Class<? extends Model> model, Hints hints) {
            seen = (hints.inTransaction("default") ? "in transaction" : "no transaction")
                    + (hints.inReadOnlyTransaction("default") ? ", read-only" : "");
            return Optional.empty();
        }
    }

    private final Watching router = new Watching();

    private HandMade setUp(String backend) {
        String url;
        String user = null;
        String password = null;
        if (backend.equals("sqlite")) {
            url = "jdbc:sqlite:" + dir.resolve("external.db");
        } else {
            TestDatabases.Target target = TestDatabases.active().stream().filter(t -> t.label().equals(backend))
                    .findFirst().orElseThrow();
            TestDatabases.Isolated db = target.create();
            cleanup.add(db::drop);
            url = db.url();
            user = target.user();
            password = target.password();
        }
        HandMade manager = new HandMade(url, user, password);
        Quarry q = Quarry.builder().url(url).user(user).password(password).models(Counter.class, Shelf.class, Label.class)
                .externalTransactions(manager).router(router).build().install();
        cleanup.add(q::close);
        q.createTables();
        return manager;
    }

    /** The counters' names as another thread (outside the external transaction) sees them. */
    private List<String> seenOutside() throws Exception {
        return other.submit(() -> Counter.objects.orderBy("name").valuesList("name", String.class).list()).get();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void writesRunOnTheExternalConnectionAndCommitOnlyWithIt(String backend) throws Exception {
        HandMade tm = setUp(backend);
        tm.begin(false);
        Counter.of("a", 1);
        assertThat(Counter.objects.count()).as("the transaction sees its own write").isEqualTo(1);
        assertThat(seenOutside()).isEmpty();
        tm.end(true);
        assertThat(seenOutside()).containsExactly("a");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aRollbackOfTheExternalTransactionRollsBackQuarrysWritesAndBlocks(String backend) throws Exception {
        HandMade tm = setUp(backend);
        tm.begin(false);
        Counter.of("a", 1);
        Quarry.current().atomic().run(() -> Counter.of("b", 2)); // a savepoint: it commits nothing
        Counter.objects.create(c -> {
            c.name = "c";
            c.qty = 3;
        });
        tm.end(false);
        assertThat(seenOutside()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void atomicInsideIsASavepointThatRollsBackAlone(String backend) throws Exception {
        HandMade tm = setUp(backend);
        Quarry db = Quarry.current();
        tm.begin(false);
        Counter.of("a", 1);
        IllegalStateException boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> db.atomic().run(() -> {
            Counter.of("lost", 2);
            throw boom;
        })).isSameAs(boom);
        db.atomic().run(() -> db.atomic().run(() -> Counter.of("kept", 3)));
        tm.end(true);
        assertThat(seenOutside()).containsExactly("a", "kept");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void onCommitCallbacksWaitForTheExternalCommitAndAreDroppedByItsRollback(String backend) throws Exception {
        HandMade tm = setUp(backend);
        Quarry db = Quarry.current();
        List<String> ran = new ArrayList<>();
        tm.begin(false);
        db.onCommit(() -> ran.add("direct"));
        db.atomic().run(() -> db.onCommit(() -> ran.add("in a block")));
        assertThatThrownBy(() -> db.atomic().run(() -> {
            db.onCommit(() -> ran.add("in a rolled-back block"));
            throw new IllegalStateException();
        })).isInstanceOf(IllegalStateException.class);
        assertThat(ran).isEmpty();
        tm.end(true);
        assertThat(ran).containsExactly("direct", "in a block");

        ran.clear();
        tm.begin(false);
        db.atomic().run(() -> db.onCommit(() -> ran.add("never")));
        tm.end(false);
        assertThat(ran).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void blocksThatMustBeOutermostAreRefusedAndRoutersSeeTheTransaction(String backend) throws Exception {
        HandMade tm = setUp(backend);
        Quarry db = Quarry.current();
        Counter.objects.count();
        assertThat(router.seen).isEqualTo("no transaction");
        tm.begin(false);
        Counter.objects.count();
        assertThat(router.seen).isEqualTo("in transaction");
        assertThatThrownBy(() -> db.atomic().durable().run(() -> Counter.of("x", 1)))
                .isInstanceOf(TransactionManagementError.class).hasMessageContaining("external transaction");
        assertThatThrownBy(() -> db.atomic().isolation(Isolation.SERIALIZABLE).run(() -> Counter.of("x", 1)))
                .isInstanceOf(TransactionManagementError.class).hasMessageContaining("managed outside Quarry");
        tm.end(true);
        tm.begin(true);
        Counter.objects.count();
        assertThat(router.seen).isEqualTo("in transaction, read-only");
        tm.end(false);
        assertThat(seenOutside()).isEmpty();
    }
}
