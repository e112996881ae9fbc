package dev.quarry.db;

import dev.quarry.DataError;
import dev.quarry.DatabaseError;
import dev.quarry.IntegrityError;
import dev.quarry.NotSupportedError;
import dev.quarry.OperationalError;
import dev.quarry.ProgrammingError;
import dev.quarry.TransactionConflictError;
import dev.quarry.sql.CompiledSql;
import java.sql.BatchUpdateException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;

/**
 * Turns a driver's {@link SQLException} into the {@link DatabaseError} family a caller can act on,
 * with a message that shows the driver's words (bounded) and the statement with placeholders, never
 * a bound value. Knows no driver class: it reads SQLSTATE, the vendor code, the JDBC subclass and,
 * for sqlite-jdbc, the {@code [SQLITE_...]} prefix of the message.
 *
 * <p>Order: SQLite's result code; the few exact SQLSTATEs that need it (serialization failure and
 * deadlock are retryable, unlike the rest of their classes); MariaDB/MySQL server codes where the
 * SQLSTATE is vague ({@code HY000}, a bare class such as {@code 42000}, none); the SQLSTATE class;
 * the JDBC subclass; otherwise a plain {@link DatabaseError}. Each mapping was checked against
 * sqlite-jdbc 3.50, pgjdbc 42.7 on PostgreSQL 15 and MariaDB Connector/J 3.5 on MariaDB 10.11.
 */
public final class SqlErrors {
    /** The most characters of the driver's own message a Quarry message repeats. */
    static final int DRIVER_MESSAGE_MAX = 300;

    private SqlErrors() {}

    /** The families of {@code dev.quarry}'s database errors. */
    enum Family { INTEGRITY, DATA, PROGRAMMING, NOT_SUPPORTED, OPERATIONAL, CONFLICT, OTHER }

    private static final Map<String, Family> EXACT_STATES = Map.of(
            "40001", Family.CONFLICT, // serialization failure (PostgreSQL; MariaDB reports deadlocks so too)
            "40P01", Family.CONFLICT, // PostgreSQL deadlock_detected
            "40002", Family.INTEGRITY, // a deferred constraint failed at commit (SQL standard)
            "55P03", Family.OPERATIONAL, // PostgreSQL lock_not_available (NOWAIT, lock_timeout): not retried blindly
            "25006", Family.OPERATIONAL, // read_only_sql_transaction (PostgreSQL; MariaDB 1792): as SQLite's READONLY
            "57014", Family.OPERATIONAL, // PostgreSQL query_canceled (statement_timeout, Statement.cancel)
            "HYT00", Family.OPERATIONAL, // ODBC-style timeout
            "HYT01", Family.OPERATIONAL);

    private static final Map<String, Family> STATE_CLASSES = Map.ofEntries(
            Map.entry("23", Family.INTEGRITY),
            Map.entry("22", Family.DATA),
            Map.entry("42", Family.PROGRAMMING),
            Map.entry("21", Family.PROGRAMMING), // cardinality violation: a scalar subquery returned rows
            Map.entry("3D", Family.PROGRAMMING), // no such database (catalog)
            Map.entry("3F", Family.PROGRAMMING), // no such schema
            Map.entry("0A", Family.NOT_SUPPORTED),
            Map.entry("08", Family.OPERATIONAL), // connection exception
            Map.entry("28", Family.OPERATIONAL), // authorization
            Map.entry("40", Family.OPERATIONAL), // other transaction rollbacks
            Map.entry("53", Family.OPERATIONAL), // insufficient resources
            Map.entry("54", Family.OPERATIONAL), // program limit exceeded (PostgreSQL: index row too big)
            Map.entry("55", Family.OPERATIONAL), // object not in prerequisite state
            Map.entry("57", Family.OPERATIONAL), // operator intervention (cancel, shutdown, terminated)
            Map.entry("58", Family.OPERATIONAL), // system error
            Map.entry("70", Family.OPERATIONAL)); // MariaDB 70100: interrupted (max_statement_time, KILL QUERY)

    /** MariaDB/MySQL server error codes, consulted when the SQLSTATE is vague. */
    private static final Map<Integer, Family> MYSQL_CODES = Map.ofEntries(
            Map.entry(1213, Family.CONFLICT), // ER_LOCK_DEADLOCK (40001)
            Map.entry(1205, Family.CONFLICT), // ER_LOCK_WAIT_TIMEOUT (HY000; also FOR UPDATE NOWAIT on 10.11)
            Map.entry(1062, Family.INTEGRITY), // ER_DUP_ENTRY (23000)
            Map.entry(1451, Family.INTEGRITY), // ER_ROW_IS_REFERENCED_2 (23000)
            Map.entry(1452, Family.INTEGRITY), // ER_NO_REFERENCED_ROW_2 (23000)
            Map.entry(1048, Family.INTEGRITY), // ER_BAD_NULL_ERROR (23000)
            Map.entry(4025, Family.INTEGRITY), // ER_CONSTRAINT_FAILED, CHECK (23000)
            Map.entry(1406, Family.DATA), // ER_DATA_TOO_LONG (22001)
            Map.entry(1264, Family.DATA), // ER_WARN_DATA_OUT_OF_RANGE (22003)
            Map.entry(1366, Family.DATA), // ER_TRUNCATED_WRONG_VALUE_FOR_FIELD (22007)
            Map.entry(1292, Family.DATA), // ER_TRUNCATED_WRONG_VALUE, a bad date (22007)
            Map.entry(1265, Family.DATA), // WARN_DATA_TRUNCATED, a value not in an ENUM (01000!)
            Map.entry(1146, Family.PROGRAMMING), // ER_NO_SUCH_TABLE (42S02)
            Map.entry(1054, Family.PROGRAMMING), // ER_BAD_FIELD_ERROR (42S22)
            Map.entry(1064, Family.PROGRAMMING), // ER_PARSE_ERROR (42000)
            Map.entry(1235, Family.NOT_SUPPORTED), // ER_NOT_SUPPORTED_YET (42000)
            Map.entry(1969, Family.OPERATIONAL), // ER_STATEMENT_TIMEOUT (70100)
            Map.entry(1317, Family.OPERATIONAL), // ER_QUERY_INTERRUPTED (70100)
            // Client codes of libmysqlclient (server gone away, lost connection); Connector/J 3.5
            // reports a lost connection as SQLSTATE 08000 with code -1 instead.
            Map.entry(2006, Family.OPERATIONAL),
            Map.entry(2013, Family.OPERATIONAL));

    /** The error for {@code e}, raised while running {@code sql} ({@code null} when no statement was running). */
    public static DatabaseError translate(SQLException e, CompiledSql sql) {
        SQLException primary = primary(e);
        String state = primary.getSQLState();
        int code = primary.getErrorCode();
        String message = message(primary, sql);
        String text = sql == null ? null : sql.sql();
        return switch (family(primary)) {
            case INTEGRITY -> new IntegrityError(message, state, code, text, e);
            case DATA -> new DataError(message, state, code, text, e);
            case PROGRAMMING -> new ProgrammingError(message, state, code, text, e);
            case NOT_SUPPORTED -> new NotSupportedError(message, state, code, text, e);
            case CONFLICT -> new TransactionConflictError(message, state, code, text, e);
            case OPERATIONAL -> new OperationalError(message, state, code, text, e);
            case OTHER -> new DatabaseError(message, state, code, text, e);
        };
    }

    /**
     * The exception that says what went wrong: a batch's first nested failure (pgjdbc's batch
     * message inlines the values), or the first nested one with a SQLSTATE or code when a wrapper
     * carries neither.
     */
    static SQLException primary(SQLException e) {
        SQLException current = e;
        for (int depth = 0; depth < 8; depth++) {
            if (!(current instanceof BatchUpdateException) && informative(current)) {
                return current;
            }
            SQLException nested = current.getNextException() != null ? current.getNextException()
                    : current.getCause() instanceof SQLException s ? s : null;
            if (nested == null || nested == current) {
                return current;
            }
            current = nested;
        }
        return current;
    }

    private static boolean informative(SQLException e) {
        return (e.getSQLState() != null && !e.getSQLState().isBlank()) || e.getErrorCode() != 0 || sqliteCode(e) != null;
    }

    static Family family(SQLException e) {
        String sqlite = sqliteCode(e);
        if (sqlite != null) {
            return sqlite(sqlite, e.getMessage());
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState().toUpperCase(java.util.Locale.ROOT);
        Family exact = EXACT_STATES.get(state);
        if (exact != null) {
            return exact;
        }
        if (vague(state)) {
            Family byCode = MYSQL_CODES.get(e.getErrorCode());
            if (byCode != null) {
                return byCode;
            }
        }
        if (state.length() >= 2) {
            Family byClass = STATE_CLASSES.get(state.substring(0, 2));
            if (byClass != null) {
                return byClass;
            }
        }
        return bySubclass(e);
    }

    /** No state, a general error, or only a class ({@code 23000}, {@code 42000}): the vendor code says more. */
    private static boolean vague(String state) {
        return state.length() != 5 || state.equals("HY000") || state.equals("S1000") || state.endsWith("000");
    }

    private static Family bySubclass(SQLException e) {
        if (e instanceof SQLTransactionRollbackException) {
            return Family.CONFLICT;
        }
        if (e instanceof SQLIntegrityConstraintViolationException) {
            return Family.INTEGRITY;
        }
        if (e instanceof SQLDataException) {
            return Family.DATA;
        }
        if (e instanceof SQLSyntaxErrorException) {
            return Family.PROGRAMMING;
        }
        if (e instanceof SQLFeatureNotSupportedException) {
            return Family.NOT_SUPPORTED;
        }
        if (e instanceof SQLTimeoutException || e instanceof SQLTransientConnectionException
                || e instanceof SQLNonTransientConnectionException || e instanceof SQLRecoverableException) {
            return Family.OPERATIONAL;
        }
        return Family.OTHER;
    }

    /**
     * sqlite-jdbc has no SQLSTATE and its error code is the primary result code (19 for every
     * constraint); the extended code leads its message: {@code [SQLITE_CONSTRAINT_UNIQUE] ...}.
     */
    static String sqliteCode(SQLException e) {
        String m = e.getMessage();
        if (m == null || !m.startsWith("[SQLITE_")) {
            return null;
        }
        int end = m.indexOf(']');
        return end < 0 ? null : m.substring(1, end);
    }

    private static Family sqlite(String code, String message) {
        if (code.equals("SQLITE_CONSTRAINT_DATATYPE")) {
            return Family.DATA; // a STRICT table refused the value's type: PostgreSQL says 22P02 here
        }
        if (code.startsWith("SQLITE_CONSTRAINT")) {
            return Family.INTEGRITY;
        }
        if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
            return Family.CONFLICT;
        }
        if (code.equals("SQLITE_TOOBIG") || code.equals("SQLITE_MISMATCH") || code.equals("SQLITE_RANGE")) {
            return Family.DATA;
        }
        if (code.startsWith("SQLITE_ERROR")) {
            // SQLITE_ERROR covers no such table/column/function, syntax errors, too many SQL
            // variables; only a few of its messages are about a value.
            return message.contains("integer overflow") || message.contains("malformed JSON") ? Family.DATA
                    : Family.PROGRAMMING;
        }
        if (code.equals("SQLITE_MISUSE")) {
            return Family.PROGRAMMING;
        }
        int word = code.indexOf('_', "SQLITE_".length());
        return switch (word < 0 ? code : code.substring(0, word)) {
            case "SQLITE_INTERRUPT", "SQLITE_IOERR", "SQLITE_CANTOPEN", "SQLITE_FULL", "SQLITE_READONLY",
                    "SQLITE_CORRUPT", "SQLITE_NOTADB", "SQLITE_NOMEM", "SQLITE_PROTOCOL", "SQLITE_PERM",
                    "SQLITE_AUTH", "SQLITE_NOLFS", "SQLITE_ABORT", "SQLITE_SCHEMA" -> Family.OPERATIONAL;
            default -> Family.OTHER;
        };
    }

    /**
     * The driver's message, bounded, then the statement with placeholders and its number of values.
     * pgjdbc appends {@code Detail:} (which quotes key values and whole failing rows) and
     * {@code Where:} sections; only its {@code Hint:} and {@code Position:} sections are kept, the
     * rest stays reachable through the cause.
     */
    static String message(SQLException e, CompiledSql sql) {
        String driver = driverMessage(e);
        return sql == null ? driver : driver + "\n  while running: " + StatementText.describe(sql);
    }

    /**
     * The driver's own words, without value-bearing sections and cut at {@value #DRIVER_MESSAGE_MAX}
     * characters. What a bounded message may still quote: PostgreSQL's 22P02 repeats the refused
     * text (1,000,048 characters for a 1 MB value, cut here to the bound); MariaDB's
     * {@code Duplicate entry '...' for key} and {@code Incorrect integer value: '...'} quote at most
     * 64 bytes of the value (the message is about 105 characters for a 1 MB value); MariaDB's
     * syntax errors quote up to 80 characters of the statement near the error, and Connector/J
     * sends values inlined in the statement text (client-side prepare), so they may show there.
     */
    static String driverMessage(SQLException e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName() + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")");
        }
        if (e instanceof BatchUpdateException) {
            // pgjdbc: "Batch entry 1 INSERT ... VALUES (('the value')) was aborted"; nothing nested to say it better.
            return "A batch statement failed (SQLSTATE " + e.getSQLState() + ", code " + e.getErrorCode() + ")";
        }
        String[] sections = m.split("\n  ", -1);
        StringBuilder out = new StringBuilder(cut(sections[0].strip(), DRIVER_MESSAGE_MAX));
        for (int i = 1; i < sections.length; i++) {
            if (sections[i].startsWith("Hint: ") || sections[i].startsWith("Position: ")) {
                out.append("\n  ").append(cut(sections[i].strip(), DRIVER_MESSAGE_MAX / 2));
            }
        }
        return out.toString();
    }

    static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end) + "... (" + (s.length() - end) + " more characters)";
    }
}
