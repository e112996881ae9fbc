package dev.quarry.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.quarry.DataError;
import dev.quarry.DatabaseError;
import dev.quarry.IntegrityError;
import dev.quarry.OperationalError;
import dev.quarry.ProgrammingError;
import dev.quarry.Quarry;
import dev.quarry.TransactionConflictError;
import dev.quarry.db.StatementText;
import dev.quarry.sql.CompiledSql;
import dev.quarry.test.Committing;
import dev.quarry.test.OnlyOn;
import dev.quarry.test.QuarryTest;
import dev.quarry.test.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A refused statement becomes the DatabaseError family member a caller can act on (Django's, from
 * PEP 249), with the database's SQLSTATE and vendor code, and a message that shows the statement
 * with placeholders and the number of values, never a value (STYLE rule 12).
 */
@QuarryTest(models = {Account.class, Transfer.class})
class DatabaseErrorsTest {

    private static dev.quarry.db.Database db(Quarry quarry) {
        return dev.quarry.load.Session.of(quarry).database();
    }
    /** What each backend reports: SQLSTATE (sqlite-jdbc has none) and vendor code. */
    private record Code(String state, int vendorCode) {}

    private static final String SECRET = "secret-" + "x".repeat(100_000);

    @Test
    void uniqueViolationIsAnIntegrityErrorWhoseMessageLeavesTheValueOut(Quarry quarry) {
        Account.of(SECRET);
        DatabaseError e = refused(quarry, () -> Account.of(SECRET));
        assertThat(e).isInstanceOf(IntegrityError.class);
        expectCode(quarry, e, Map.of("sqlite", new Code(null, 19), "postgresql", new Code("23505", 0),
                "mysql", new Code("23000", 1062)));
        // MariaDB's "Duplicate entry '...'" quotes at most 64 bytes of the value; no backend more.
        assertThat(e.getMessage()).hasSizeLessThan(2_000).doesNotContain("x".repeat(100)).contains("while running: INSERT")
                .contains("?").containsPattern("\\(\\d+ values\\)");
        assertThat(e.sql()).startsWith("INSERT").doesNotContain("secret");
        assertThat(e.getCause()).isInstanceOf(SQLException.class);
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    @Committing
    void foreignKeyViolationIsAnIntegrityError(Quarry quarry) {
        // Deferred on SQLite and PostgreSQL, so refused at COMMIT; immediate on MariaDB.
        DatabaseError e = refused(quarry, () -> Transfer.objects.create(Map.of("account", 999_999L, "amount", 5)));
        assertThat(e).isInstanceOf(IntegrityError.class);
        expectCode(quarry, e, Map.of("sqlite", new Code(null, 19), "postgresql", new Code("23503", 0),
                "mysql", new Code("23000", 1452)));
        assertThat(e.getMessage()).doesNotContain("999999").doesNotContain("Detail");
        assertThat(Transfer.objects.count()).isZero();
    }

    @Test
    void notNullViolationIsAnIntegrityError(Quarry quarry) {
        DatabaseError e = refused(quarry, () -> Account.objects.create(Map.of("code", "c1")));
        assertThat(e).isInstanceOf(IntegrityError.class);
        expectCode(quarry, e, Map.of("sqlite", new Code(null, 19), "postgresql", new Code("23502", 0),
                "mysql", new Code("23000", 1048)));
        assertThat(e.getMessage()).doesNotContain("c1").doesNotContain("Failing row");
    }

    @Test
    void valueTooLongForItsColumnIsADataErrorWhereTheDatabaseChecks(Quarry quarry) {
        String code = "secretcode-" + "y".repeat(5_000);
        Throwable e = catchThrowable(() -> quarry.atomic().run(() -> Account.objects.create(Map.of("handle", "h", "code", code))));
        if (e == null) {
            // SQLite ignores a varchar's length and keeps the whole value.
            assertThat(Account.objects.get("handle", "h").code).isEqualTo(code);
            return;
        }
        assertThat(e).isInstanceOf(DataError.class);
        assertThat(((DataError) e).sqlState()).isEqualTo("22001");
        assertThat(e.getMessage()).doesNotContain("secretcode").hasSizeLessThan(2_000);
    }

    @Test
    void aDriverMessageQuotingAHugeValueIsCutShort(Quarry quarry) {
        String huge = "z".repeat(1_000_000);
        Throwable e = catchThrowable(() -> quarry.atomic().run(() -> db(quarry).query(
                CompiledSql.of("SELECT CAST(? AS INTEGER)", List.of(huge)), rs -> null)));
        if (e == null) {
            return; // SQLite and MariaDB convert the text to 0 (MariaDB with a warning)
        }
        // PostgreSQL: 22P02 invalid input syntax for type integer: "zzz..." (the whole value, from the server)
        assertThat(e).isInstanceOf(DataError.class);
        assertThat(e.getMessage()).hasSizeLessThan(2_000).doesNotContain("z".repeat(400));
    }

    @Test
    void missingTableIsAProgrammingError(Quarry quarry) {
        CompiledSql sql = CompiledSql.of("SELECT id FROM no_such_table WHERE id = ?", List.of(4_242_424));
        DatabaseError e = refused(quarry, () -> db(quarry).query(sql, rs -> null));
        assertThat(e).isInstanceOf(ProgrammingError.class);
        expectCode(quarry, e, Map.of("sqlite", new Code(null, 1), "postgresql", new Code("42P01", 0),
                "mysql", new Code("42S02", 1146)));
        assertThat(e.getMessage()).contains("no_such_table")
                .endsWith("\n  while running: SELECT id FROM no_such_table WHERE id = ? (1 value)")
                .doesNotContain("4242424");
        assertThat(e.sql()).isEqualTo(sql.sql());
    }

    @Test
    void aStatementWithAHundredThousandValuesHasAShortMessage(Quarry quarry) {
        List<Object> ids = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(7_000_000 + i);
        }
        String sql = "SELECT id FROM no_such_table WHERE id IN (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")";
        // SQLite and MariaDB: no such table; pgjdbc refuses more than 65,535 parameters before sending.
        DatabaseError e = refused(quarry, () -> db(quarry).query(CompiledSql.of(sql, ids), rs -> null));
        assertThat(e.getMessage()).hasSizeLessThan(2_000)
                .contains("IN (?, ?, ?, ... (100000 in all)) (100000 values)")
                .doesNotContain("7000042");
    }

    @Test
    @Committing
    @OnlyOn("postgresql") // serializable snapshot isolation; MariaDB's SERIALIZABLE takes locks, SQLite has one writer
    void aSerializationFailureIsARetryableConflict(Quarry quarry) throws SQLException {
        Account account = Account.of("a");
        try (Connection other = connect(quarry)) {
            other.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            // @Committing: refused(...) opens the outermost transaction, so SET TRANSACTION comes first in it.
            DatabaseError e = refused(quarry, () -> {
                db(quarry).execute(List.of("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE"));
                assertThat(Account.objects.get("pk", account.id).balance).isZero(); // takes the snapshot
                update(other, sql(quarry, "UPDATE %s SET balance = 5 WHERE id = ?"), account.id);
                db(quarry).update(CompiledSql.of(sql(quarry, "UPDATE %s SET balance = 1 WHERE id = ?"), List.of(account.id)));
            });
            assertThat(e).isInstanceOf(TransactionConflictError.class);
            assertThat(e.isRetryable()).isTrue();
            assertThat(e.sqlState()).isEqualTo("40001");
        }
        assertThat(Account.objects.get("pk", account.id).balance).isEqualTo(5);
    }

    @Test
    @Committing
    @OnlyOn({"postgresql", "mariadb"}) // row locks; SQLite locks the whole database (see the busy test)
    void aDeadlockIsARetryableConflictForOneOfTheTwoTransactions(Quarry quarry) throws Exception {
        long first = Account.of("first").id;
        long second = Account.of("second").id;
        String update = sql(quarry, "UPDATE %s SET balance = balance + 1 WHERE id = ?");
        CyclicBarrier bothHoldOneRow = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> outcomes = new ArrayList<>();
            for (long[] order : new long[][] {{first, second}, {second, first}}) {
                outcomes.add(threads.submit(() -> {
                    quarry.atomic().run(() -> {
                        db(quarry).update(CompiledSql.of(update, List.of(order[0])));
                        await(bothHoldOneRow);
                        db(quarry).update(CompiledSql.of(update, List.of(order[1])));
                    });
                    return null;
                }));
            }
            List<Throwable> failures = new ArrayList<>();
            for (Future<?> outcome : outcomes) {
                try {
                    outcome.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException failed) {
                    failures.add(failed.getCause());
                }
            }
            assertThat(failures).hasSize(1);
            assertThat(failures.get(0)).isInstanceOf(TransactionConflictError.class);
            DatabaseError e = (DatabaseError) failures.get(0);
            assertThat(e.isRetryable()).isTrue();
            expectCode(quarry, e, Map.of("postgresql", new Code("40P01", 0), "mysql", new Code("40001", 1213)));
            assertThat(e.getMessage()).doesNotContain("Process").doesNotContain("Detail");
        } finally {
            threads.shutdownNow();
        }
        // The winner committed both increments; the loser's were rolled back.
        assertThat(Account.objects.orderBy("handle").valuesList("balance", Integer.class).list()).containsExactly(1, 1);
    }

    @Test
    @Committing
    @OnlyOn({"postgresql", "mariadb"}) // row locks; SQLite locks the whole database (see the busy test)
    void aRowLockThatCannotBeTakenAtOnce(Quarry quarry) throws SQLException {
        Account account = Account.of("locked");
        try (Connection other = connect(quarry)) {
            other.setAutoCommit(false);
            update(other, sql(quarry, "SELECT id FROM %s WHERE id = ? FOR UPDATE"), account.id);
            DatabaseError e = refused(quarry, () -> db(quarry).query(
                    CompiledSql.of(sql(quarry, "SELECT id FROM %s WHERE id = ? FOR UPDATE NOWAIT"), List.of(account.id)),
                    rs -> null));
            other.rollback();
            if (quarry.vendor().equals("postgresql")) {
                // 55P03 lock_not_available: an operational error, not retried blindly.
                assertThat(e).isInstanceOf(OperationalError.class).isNotInstanceOf(TransactionConflictError.class);
                assertThat(e.sqlState()).isEqualTo("55P03");
            } else {
                // MariaDB answers NOWAIT with 1205, the lock wait timeout, which is a retryable conflict.
                assertThat(e).isInstanceOf(TransactionConflictError.class);
                assertThat(e.vendorCode()).isEqualTo(1205);
            }
        }
    }

    @Test
    @Committing
    @OnlyOn("sqlite") // one writer per database file: a second writer waits busy_timeout, then SQLITE_BUSY
    void aBusySqliteDatabaseIsARetryableConflict(Quarry quarry) throws SQLException {
        // Quarry's transactions take the write lock when they begin (BEGIN IMMEDIATE), so the
        // conflict shows at the start of the transaction, after this Quarry's short busy timeout.
        String url = db(quarry).withConnection(c -> c.getMetaData().getURL());
        try (Connection other = connect(quarry);
             Quarry impatient = Quarry.builder().url(url + "?busy_timeout=100").models(Account.class).build()) {
            other.setAutoCommit(false);
            update(other, sql(quarry, "INSERT INTO %s (handle, balance) VALUES (?, 0)"), "theirs");
            DatabaseError e = refused(impatient, () -> Account.objects.using(impatient).create(Map.of("handle", "mine")));
            other.rollback();
            assertThat(e).isInstanceOf(TransactionConflictError.class);
            assertThat(e.isRetryable()).isTrue();
            assertThat(e.vendorCode()).isEqualTo(5);
            assertThat(e.getMessage()).startsWith("[SQLITE_BUSY]").doesNotContain("mine");
        }
    }

    @Test
    void theDebugLineShowsPlaceholdersAndTheNumberOfValuesNeverAValue() {
        List<Object> params = new ArrayList<>(List.of("secret@example.com"));
        for (int i = 0; i < 1_000; i++) {
            params.add(9_000_000 + i);
        }
        String sql = "SELECT id FROM account WHERE handle = ? AND id IN ("
                + String.join(", ", Collections.nCopies(1_000, "?")) + ")";
        String line = StatementText.debugLine(CompiledSql.of(sql, params), 1_234_567, false);
        assertThat(line).isEqualTo("(1.235 ms) SELECT id FROM account WHERE handle = ? AND id IN (?, ?, ?, ... (1000 in all))"
                + " (1001 values)");
        String values = StatementText.describe(CompiledSql.of("INSERT INTO t (a, b) VALUES "
                + String.join(", ", Collections.nCopies(500, "(?, ?)")), Collections.nCopies(1_000, "v")));
        assertThat(values).isEqualTo("INSERT INTO t (a, b) VALUES (?, ?), (?, ?), (?, ?), ... (500 in all) (1000 values)");
    }

    /** The DatabaseError {@code work} raises, in a savepoint so PostgreSQL's surrounding transaction survives. */
    private static DatabaseError refused(Quarry quarry, Runnable work) {
        DatabaseError e = catchThrowableOfType(DatabaseError.class, () -> quarry.atomic().run(work));
        assertThat(e).as("a DatabaseError").isNotNull();
        return e;
    }

    private static void expectCode(Quarry quarry, DatabaseError e, Map<String, Code> byVendor) {
        Code expected = byVendor.get(quarry.vendor());
        assertThat(new Code(e.sqlState(), e.vendorCode())).as(e.getMessage()).isEqualTo(expected);
    }

    private static String sql(Quarry quarry, String template) {
        return String.format(template, db(quarry).backend().operations().quoteName("account"));
    }

    /** Runs {@code sql} with one value on a plain JDBC session. */
    private static void update(Connection c, String sql, Object value) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, value);
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A second session on the test's database, over plain JDBC. */
    private static Connection connect(Quarry quarry) throws SQLException {
        String url = db(quarry).withConnection(c -> c.getMetaData().getURL());
        TestDatabases.Target target = TestDatabases.active().stream()
                .filter(t -> t.vendor().equals(quarry.vendor())).findFirst().orElseThrow();
        Properties p = new Properties();
        if (target.user() != null) {
            p.setProperty("user", target.user());
        }
        if (target.password() != null) {
            p.setProperty("password", target.password());
        }
        return DriverManager.getConnection(url, p);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
