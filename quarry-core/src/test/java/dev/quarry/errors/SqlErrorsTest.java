package dev.quarry.errors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.DataError;
import dev.quarry.DatabaseError;
import dev.quarry.IntegrityError;
import dev.quarry.NotSupportedError;
import dev.quarry.OperationalError;
import dev.quarry.ProgrammingError;
import dev.quarry.TransactionConflictError;
import dev.quarry.db.SqlErrors;
import dev.quarry.sql.CompiledSql;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The translation of driver exceptions that the backend tests cannot provoke cheaply (a lock wait
 * timeout, a lost connection, a batch); each exception is built as the driver was seen to build it
 * (its message, SQLSTATE, code and JDBC subclass copied from sqlite-jdbc 3.50, pgjdbc 42.7 and
 * MariaDB Connector/J 3.5 on this project's servers).
 */
class SqlErrorsTest {
    private static final CompiledSql INSERT = CompiledSql.of("INSERT INTO u (name) VALUES (?)", List.of("batchsecret"));

    @Test
    void aPgjdbcBatchIsJudgedAndWordedByItsNestedErrorWhichLosesItsDetail() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 1 INSERT INTO u (name) VALUES (('batchsecret')) "
                + "was aborted: ERROR: duplicate key value violates unique constraint \"u_name_key\"\n  Detail: Key "
                + "(name)=(batchsecret) already exists.  Call getNextException to see other errors in the batch.", "23505", 0,
                new int[0]);
        batch.setNextException(new SQLException("ERROR: duplicate key value violates unique constraint \"u_name_key\"\n"
                + "  Detail: Key (name)=(batchsecret) already exists.", "23505"));
        DatabaseError e = SqlErrors.translate(batch, INSERT);
        assertThat(e).isInstanceOf(IntegrityError.class);
        assertThat(e.sqlState()).isEqualTo("23505");
        assertThat(e.getMessage()).isEqualTo("ERROR: duplicate key value violates unique constraint \"u_name_key\"\n"
                + "  while running: INSERT INTO u (name) VALUES (?) (1 value)");
        assertThat(e.getCause()).isSameAs(batch);
    }

    @Test
    void aPostgresDeadlockKeepsItsHintAndDropsProcessesAndWhere() {
        SQLException deadlock = new SQLException("ERROR: deadlock detected\n  Detail: Process 7695 waits for ShareLock on "
                + "transaction 1681; blocked by process 7696.\nProcess 7696 waits for ShareLock on transaction 1680; blocked "
                + "by process 7695.\n  Hint: See server log for query details.\n  Where: while updating tuple (0,2) in "
                + "relation \"dl\"", "40P01");
        DatabaseError e = SqlErrors.translate(deadlock, null);
        assertThat(e).isInstanceOf(TransactionConflictError.class);
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.getMessage()).isEqualTo("ERROR: deadlock detected\n  Hint: See server log for query details.");
    }

    @Test
    void mariadbCodesDecideWhereTheSqlStateIsVague() {
        assertThat(SqlErrors.translate(new SQLException("(conn=72) Lock wait timeout exceeded; try restarting transaction",
                "HY000", 1205), null)).isInstanceOf(TransactionConflictError.class);
        // Connector/J gives a value not in an ENUM the warning state 01000 and a connection exception class.
        assertThat(SqlErrors.translate(new SQLTransientConnectionException("(conn=72) Data truncated for column 'e' at row 1",
                "01000", 1265), null)).isInstanceOf(DataError.class);
        assertThat(SqlErrors.translate(new SQLException("(conn=72) This version of MariaDB doesn't yet support 'LIMIT & "
                + "IN/ALL/ANY/SOME subquery'", "42000", 1235), null)).isInstanceOf(NotSupportedError.class);
        assertThat(SqlErrors.translate(new SQLException("(conn=72) You have an error in your SQL syntax", "42000", 1064), null))
                .isInstanceOf(ProgrammingError.class);
        assertThat(SqlErrors.translate(new SQLException("MySQL server has gone away", "HY000", 2006), null))
                .isInstanceOf(OperationalError.class).isNotInstanceOf(TransactionConflictError.class);
        DatabaseError lost = SqlErrors.translate(new SQLNonTransientConnectionException("(conn=78) Socket error", "08000", -1),
                null);
        assertThat(lost).isInstanceOf(OperationalError.class);
        assertThat(lost.isRetryable()).isFalse();
    }

    @Test
    void sqliteIsJudgedByTheExtendedCodeAtTheStartOfItsMessage() {
        assertThat(sqlite("[SQLITE_LOCKED_SHAREDCACHE] Contention with a different database connection that shares the "
                + "cache (database table is locked: t)", 6)).isInstanceOf(TransactionConflictError.class);
        assertThat(sqlite("[SQLITE_BUSY_SNAPSHOT] Another database connection has already written to the database "
                + "(database is locked)", 5)).isInstanceOf(TransactionConflictError.class);
        assertThat(sqlite("[SQLITE_CONSTRAINT_DATATYPE] An insert or update attempted to store a value inconsistent with "
                + "the column's declared type in a table defined as STRICT (cannot store TEXT value in INTEGER column st.i)",
                19)).isInstanceOf(DataError.class);
        assertThat(sqlite("[SQLITE_CONSTRAINT_CHECK] A CHECK constraint failed (CHECK constraint failed: n >= 0)", 19))
                .isInstanceOf(IntegrityError.class);
        assertThat(sqlite("[SQLITE_TOOBIG] String or BLOB exceeds size limit (string or blob too big)", 18))
                .isInstanceOf(DataError.class);
        assertThat(sqlite("[SQLITE_MISMATCH] Data type mismatch (datatype mismatch)", 20)).isInstanceOf(DataError.class);
        assertThat(sqlite("[SQLITE_ERROR] SQL error or missing database (integer overflow)", 1)).isInstanceOf(DataError.class);
        assertThat(sqlite("[SQLITE_ERROR] SQL error or missing database (near \"SELEC\": syntax error)", 1))
                .isInstanceOf(ProgrammingError.class);
        assertThat(sqlite("[SQLITE_READONLY] Attempt to write a readonly database (attempt to write a readonly database)", 8))
                .isInstanceOf(OperationalError.class).isNotInstanceOf(TransactionConflictError.class);
        assertThat(sqlite("[SQLITE_CANTOPEN] Unable to open the database file (unable to open database file)", 14))
                .isInstanceOf(OperationalError.class);
    }

    @Test
    void aWrapperWithoutStateIsJudgedByTheExceptionItCarries() {
        SQLException driver = new SQLException("ERROR: could not serialize access due to concurrent update", "40001");
        DatabaseError e = SqlErrors.translate(new SQLException("pool: statement failed", null, 0, driver), null);
        assertThat(e).isInstanceOf(TransactionConflictError.class);
        assertThat(e.sqlState()).isEqualTo("40001");
        // A terminated PostgreSQL backend: 57P01 says more than the I/O error chained after it.
        SQLException terminated = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
        terminated.setNextException(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        assertThat(SqlErrors.translate(terminated, null)).isInstanceOf(OperationalError.class)
                .extracting(DatabaseError::sqlState).isEqualTo("57P01");
    }

    @Test
    void theDriverMessageAndTheStatementAreBounded() {
        // PostgreSQL's 22P02 repeats the refused text: 1,000,048 characters for a 1 MB value.
        String huge = "ERROR: invalid input syntax for type integer: \"" + "x".repeat(1_000_000) + "\"";
        StringBuilder columns = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            columns.append(i == 0 ? "" : ", ").append("column_").append(i);
        }
        CompiledSql sql = CompiledSql.of("SELECT " + columns + " FROM t WHERE a = ? ORDER BY b LIMIT 5", List.of("v"));
        DatabaseError e = SqlErrors.translate(new SQLException(huge, "22P02"), sql);
        assertThat(e).isInstanceOf(DataError.class);
        assertThat(e.getMessage()).hasSizeLessThan(1_600).contains("... (999748 more characters)")
                .contains("SELECT column_0, column_1").contains(" characters) ... ")
                .endsWith("FROM t WHERE a = ? ORDER BY b LIMIT 5 (1 value)");
        assertThat(e.sql()).isEqualTo(sql.sql());
    }

    private static DatabaseError sqlite(String message, int code) {
        return SqlErrors.translate(new SQLException(message, null, code), null);
    }
}
