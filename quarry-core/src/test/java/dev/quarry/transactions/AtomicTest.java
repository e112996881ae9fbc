package dev.quarry.transactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.quarry.IntegrityError;
import dev.quarry.Isolation;
import dev.quarry.OperationalError;
import dev.quarry.Quarry;
import dev.quarry.TransactionConflictError;
import dev.quarry.TransactionManagementError;
import dev.quarry.spi.Feature;
import dev.quarry.test.Committing;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import dev.quarry.test.SkipIfFeature;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code db.atomic()}: Django's {@code transaction.atomic} with {@code on_commit}, per-block
 * isolation and read-only mode. The Django facts relied on are printed by {@code django_facts.py}
 * beside this class. Most tests commit for real ({@code @Committing}): inside the rolled-back test
 * transaction every block would be a savepoint.
 */
@QuarryTest(models = {Counter.class, Shelf.class, Label.class})
class AtomicTest {

    private static List<String> names() {
        return Counter.objects.orderBy("name").valuesList("name", String.class).list();
    }

    @Test
    @Committing
    void runCommitsWhenTheBlockReturnsAndCallReturnsItsValue(Quarry db, Queries queries) {
        queries.assertNumQueries(1, () -> db.atomic().run(() -> Counter.of("a", 1)));
        long n = db.atomic().call(() -> {
            Counter.of("b", 2);
            return Counter.objects.count();
        });
        assertThat(n).isEqualTo(2);
        assertThat(names()).containsExactly("a", "b");
    }

    @Test
    @Committing
    void anyExceptionRollsBackItsBlockAndIsRethrown(Quarry db) {
        IllegalStateException boom = new IllegalStateException("boom");
        assertThat(catchThrowable(() -> db.atomic().run(() -> {
            Counter.of("lost", 1);
            throw boom;
        }))).isSameAs(boom);
        assertThat(Counter.objects.exists()).isFalse();
    }

    @Test
    @Committing
    void aNestedBlockIsASavepointWhoseFailureRollsBackOnlyItsOwnWork(Quarry db) {
        db.atomic().run(() -> {
            Counter.of("outer", 1);
            Throwable e = catchThrowable(() -> db.atomic().run(() -> {
                Counter.of("inner", 1);
                Counter.of("outer", 2); // duplicate name: IntegrityError, outside the inner block's catch
            }));
            assertThat(e).isInstanceOf(IntegrityError.class);
            Counter.of("after", 1);
        });
        assertThat(names()).containsExactly("after", "outer");
    }

    @Test
    @Committing
    void aStatementAfterAnErrorCaughtInsideTheSameBlockIsRefused(Quarry db) {
        // Django: "An error occurred in the current transaction. You can't execute queries until the
        // end of the 'atomic' block." PostgreSQL refuses by itself; SQLite and MariaDB would go on.
        Counter.of("taken", 1);
        Throwable e = catchThrowable(() -> db.atomic().run(() -> {
            Counter.of("kept?", 1);
            Throwable duplicate = catchThrowable(() -> Counter.of("taken", 2));
            assertThat(duplicate).isInstanceOf(IntegrityError.class);
            Counter.objects.count();
        }));
        assertThat(e).isInstanceOf(TransactionManagementError.class).hasCauseInstanceOf(IntegrityError.class)
                .hasMessageContaining("nested atomic()");
        assertThat(names()).containsExactly("taken");
    }

    @Test
    @Committing
    void aBlockThatEndsNormallyAfterACaughtErrorIsRolledBackAndSaysSo(Quarry db) {
        // Django rolls such a block back silently (django_facts.py: the row written before the error
        // does not survive, and no error is raised). Quarry rolls back too, and says so.
        Counter.of("taken", 1);
        Throwable e = catchThrowable(() -> db.atomic().run(() -> {
            Counter.of("kept?", 1);
            catchThrowable(() -> Counter.of("taken", 2));
        }));
        assertThat(e).isInstanceOf(TransactionManagementError.class).hasMessageContaining("was rolled back")
                .hasCauseInstanceOf(IntegrityError.class);
        assertThat(names()).containsExactly("taken");
    }

    @Test
    @Committing
    void aNestedBlockAroundTheFailingStatementLetsTheOuterBlockGoOn(Quarry db) {
        Counter.of("taken", 1);
        db.atomic().run(() -> {
            Counter.of("kept", 1);
            assertThatThrownBy(() -> db.atomic().run(() -> Counter.of("taken", 2))).isInstanceOf(IntegrityError.class);
            assertThat(Counter.objects.count()).isEqualTo(2);
        });
        assertThat(names()).containsExactly("kept", "taken");
    }

    @Test
    @Committing
    void onCommitRunsAfterTheOutermostCommitAndIsDroppedWithARolledBackBlock(Quarry db) {
        List<String> ran = new ArrayList<>();
        db.onCommit(() -> ran.add("outside"));
        assertThat(ran).as("outside a transaction: at once").containsExactly("outside");
        ran.clear();
        db.atomic().run(() -> {
            db.onCommit(() -> ran.add("outer"));
            catchThrowable(() -> db.atomic().run(() -> {
                db.onCommit(() -> ran.add("inner, rolled back"));
                throw new IllegalStateException("x");
            }));
            db.atomic().run(() -> db.onCommit(() -> ran.add("inner, released")));
            assertThat(ran).as("not before the commit").isEmpty();
        });
        assertThat(ran).containsExactly("outer", "inner, released");
        ran.clear();
        catchThrowable(() -> db.atomic().run(() -> {
            db.onCommit(() -> ran.add("never"));
            throw new IllegalStateException("rolled back");
        }));
        assertThat(ran).isEmpty();
    }

    @Test
    @Committing
    void aFailingCallbackDoesNotStopTheOthersAndReachesTheCallerAfterTheCommit(Quarry db) {
        List<String> ran = new ArrayList<>();
        IllegalStateException first = new IllegalStateException("first");
        Throwable e = catchThrowable(() -> db.atomic().run(() -> {
            Counter.of("committed", 1);
            db.onCommit(() -> {
                throw first;
            });
            db.onCommit(() -> ran.add("second"));
            db.onCommit(() -> {
                throw new IllegalStateException("third");
            });
        }));
        assertThat(e).isSameAs(first);
        assertThat(e.getSuppressed()).extracting(Throwable::getMessage).containsExactly("third");
        assertThat(ran).containsExactly("second");
        assertThat(names()).containsExactly("committed");
    }

    @Test
    @Committing
    void aReadOnlyBlockReadsAndRefusesWrites(Quarry db, Queries queries) {
        Counter.of("a", 1);
        assertThat(db.atomic().readOnly().call(() -> Counter.objects.count())).isEqualTo(1);
        Throwable e = catchThrowable(() -> db.atomic().readOnly().run(() -> Counter.of("b", 1)));
        // SQLSTATE 25006 on PostgreSQL and MariaDB (1792), SQLITE_READONLY on SQLite: one family.
        assertThat(e).isInstanceOf(OperationalError.class).isNotInstanceOf(TransactionConflictError.class);
        assertThat(names()).containsExactly("a");
        // Read-write again afterwards, on whichever connection comes next.
        db.atomic().run(() -> Counter.of("c", 1));
        assertThat(names()).containsExactly("a", "c");
        // One statement sets the mode (SET TRANSACTION READ ONLY); SQLite also turns query_only off after.
        int modeStatements = db.vendor().equals("sqlite") ? 2 : 1;
        queries.assertNumQueries(1 + modeStatements, () -> db.atomic().readOnly().run(() -> Counter.objects.count()));
    }

    @Test
    @Committing
    void theIsolationLevelIsSetByTheOutermostBlockAndANestedBlockAskingForAnotherIsRefused(Quarry db,
                                                                                           Queries queries) {
        // SQLite's transactions are serializable whatever is asked: no statement is needed there.
        int setStatements = db.vendor().equals("sqlite") ? 0 : 1;
        queries.assertNumQueries(1 + setStatements, () -> db.atomic().isolation(Isolation.SERIALIZABLE)
                .run(() -> Counter.of("a", 1)));
        db.atomic().isolation(Isolation.SERIALIZABLE).run(() -> {
            db.atomic().isolation(Isolation.SERIALIZABLE).run(() -> Counter.of("same level nests", 1));
            assertThatThrownBy(() -> db.atomic().isolation(Isolation.READ_COMMITTED).run(() -> Counter.of("x", 1)))
                    .isInstanceOf(TransactionManagementError.class)
                    .hasMessageContaining("READ_COMMITTED").hasMessageContaining("SERIALIZABLE")
                    .hasMessageContaining("outermost");
        });
        db.atomic().run(() -> assertThatThrownBy(() -> db.atomic().isolation(Isolation.SERIALIZABLE).run(() -> { }))
                .isInstanceOf(TransactionManagementError.class).hasMessageContaining("database's default"));
        db.atomic().run(() -> assertThatThrownBy(() -> db.atomic().readOnly().run(() -> { }))
                .isInstanceOf(TransactionManagementError.class).hasMessageContaining("read-write"));
        db.atomic().readOnly().run(() -> db.atomic().run(() -> Counter.objects.count()));
        assertThat(names()).containsExactly("a", "same level nests");
    }

    @Test
    @Committing
    @SkipIfFeature(Feature.SINGLE_WRITER) // SQLite: another connection cannot commit while this one is in a transaction
    void aRepeatableReadBlockKeepsItsSnapshotWhileADefaultBlockSeesNewRows(Quarry db) throws SQLException {
        // PostgreSQL's default and Quarry's MariaDB sessions are READ COMMITTED (Django's choice for MySQL).
        Counter.of("a", 1);
        String url = dev.quarry.load.Session.of(db).database().withConnection(c -> c.getMetaData().getURL());
        try (Connection other = DriverManager.getConnection(url, db.vendor().equals("postgresql") ? "postgres" : "root",
                db.vendor().equals("postgresql") ? null : "")) {
            String table = db.vendor().equals("mysql") ? "`counter`" : "\"counter\"";
            List<Long> seen = db.atomic().isolation(Isolation.REPEATABLE_READ).call(() -> {
                long before = Counter.objects.count();
                insert(other, table, "b");
                return List.of(before, Counter.objects.count());
            });
            assertThat(seen).containsExactly(1L, 1L);
            List<Long> seenByDefault = db.atomic().call(() -> {
                long before = Counter.objects.count();
                insert(other, table, "c");
                return List.of(before, Counter.objects.count());
            });
            assertThat(seenByDefault).containsExactly(2L, 3L);
        }
    }

    private static void insert(Connection other, String table, String name) {
        try (PreparedStatement ps = other.prepareStatement("INSERT INTO " + table + " (name, qty, note) VALUES (?, 0, '')")) {
            ps.setString(1, name);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Committing
    void aDurableBlockMustBeTheOutermost(Quarry db) {
        db.atomic().durable().run(() -> Counter.of("a", 1));
        assertThatThrownBy(() -> db.atomic().run(() -> db.atomic().durable().run(() -> { })))
                .isInstanceOf(TransactionManagementError.class).hasMessageContaining("durable");
        assertThat(names()).containsExactly("a");
    }

    @Test
    void insideATestTransactionADurableBlockIsAllowedButIsolationNeedsCommitting(Quarry db) {
        // As Django's TestCase: the test's own transaction does not count as an enclosing block for durable.
        db.atomic().durable().run(() -> Counter.of("a", 1));
        assertThatThrownBy(() -> db.atomic().isolation(Isolation.SERIALIZABLE).run(() -> { }))
                .isInstanceOf(TransactionManagementError.class).hasMessageContaining("@Committing");
        assertThat(names()).containsExactly("a");
    }

    @Test
    void anAtomicValueIsReusableAndSaysWhatItIs(Quarry db) {
        var serializable = db.atomic().isolation(Isolation.SERIALIZABLE).readOnly();
        assertThat(serializable).hasToString("Atomic[SERIALIZABLE, read-only]");
        assertThat(db.atomic()).hasToString("Atomic[default isolation]");
        assertThatThrownBy(() -> db.atomic().isolation(null)).isInstanceOf(NullPointerException.class);
    }
}
