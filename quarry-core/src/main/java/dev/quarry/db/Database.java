package dev.quarry.db;

import dev.quarry.DatabaseError;
import dev.quarry.ExternalTransactions;
import dev.quarry.QueryListener;
import dev.quarry.spi.Backend;
import dev.quarry.sql.CompiledSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Statement execution for one database: each statement runs on the calling thread's transaction
 * connection, or on a connection borrowed for that statement alone and given back right after.
 * Connections come from a {@link ConnectionSource}, transactions are {@link Transactions}, the log
 * is {@link QueryLog}, driver errors become {@link DatabaseError}s through {@link SqlErrors}.
 * Thread-safe: no connection or statement is ever used by two threads at once.
 */
public final class Database implements AutoCloseable {
    private final ConnectionSource source;
    private final Backend backend;
    private final Transactions transactions;
    private final WriteGate gate;
    private final QueryLog log;

    /** A database reached through {@code source}, speaking {@code backend}'s SQL. */
    public Database(ConnectionSource source, Backend backend) {
        this(source, backend, null);
    }

    /**
     * A database reached through {@code source}, speaking {@code backend}'s SQL, that joins the calling
     * thread's external transaction {@code external} gives (or {@code null}) when it has none of its own
     * (see {@link dev.quarry.ExternalTransactions}).
     */
    public Database(ConnectionSource source, Backend backend, Supplier<ExternalTransactions.Transaction> external) {
        this.source = source;
        this.backend = backend;
        this.gate = backend.features().has(dev.quarry.spi.Feature.SINGLE_WRITER) ? new WriteGate() : null;
        this.log = new QueryLog(backend.operations());
        this.transactions = new Transactions(source, gate, backend.operations(), log, external);
    }

    /** The backend: SQL dialect, features, types. */
    public Backend backend() {
        return backend;
    }

    /** Whether this thread is inside a transaction: Quarry's own, or an external one it joins. */
    public boolean inTransaction() {
        return transactions.inTransaction();
    }

    /** Whether this thread is inside a read-only transaction (Quarry's own, or an external one it joins). */
    public boolean inReadOnlyTransaction() {
        return transactions.inReadOnlyTransaction();
    }

    /** Runs {@code work} in a transaction (a savepoint when one is open), committing on return and rolling back on any exception. */
    public <T> T atomic(Supplier<T> work) {
        return transactions.atomic(TxOptions.PLAIN, work);
    }

    /**
     * Runs {@code work} in a transaction with these options (applied when it is the outermost block;
     * a nested block may only ask for what is in force), committing on return and rolling back on any exception.
     */
    public <T> T atomic(TxOptions options, Supplier<T> work) {
        return transactions.atomic(options, work);
    }

    /** Runs {@code callback} after the current transaction commits (dropped if it rolls back); at once outside one. */
    public void onCommit(Runnable callback) {
        transactions.onCommit(callback);
    }

    /**
     * Runs {@code callback} if the current block, or one enclosing it, rolls back; dropped at the
     * outermost commit; nothing happens outside a transaction.
     */
    public void onRollback(Runnable callback) {
        transactions.onRollback(callback);
    }

    /** Opens a transaction on this thread that only {@link Rollback#close()} ends, by rolling back (tests). */
    public Rollback beginRollbackOnly() {
        return transactions.beginRollbackOnly();
    }

    /** Ends a transaction opened by {@link #beginRollbackOnly()}. */
    public interface Rollback extends AutoCloseable {
        /** Rolls back and gives the connection back. */
        @Override
        void close();
    }

    /** Runs {@code work} with this thread's transaction connection, or a connection of its own (autocommit) given back after. */
    public <T> T withConnection(SqlFunction<Connection, T> work) {
        return withLease(lease -> work.apply(lease.connection()), null, true);
    }

    /**
     * Runs {@code work} on this thread's transaction lease, or on a lease borrowed for it alone;
     * a {@code writing} one outside a transaction waits its turn where the database has one writer.
     */
    private <T> T withLease(SqlFunction<Lease, T> work, CompiledSql sql, boolean writing) {
        Lease tx = transactions.statementLease();
        if (tx != null) {
            try {
                return work.apply(tx);
            } catch (SQLException e) {
                DatabaseError error = SqlErrors.translate(e, sql);
                transactions.statementFailed(error);
                throw error;
            } catch (DatabaseError e) {
                // a statement that translated its own error (DDL)
                transactions.statementFailed(e);
                throw e;
            }
        }
        boolean gated = gate != null && writing;
        if (gated) {
            try {
                gate.enter();
            } catch (SQLException e) {
                throw SqlErrors.translate(e, sql);
            }
        }
        try {
            return borrowed(work, sql);
        } finally {
            if (gated) {
                gate.exit();
            }
        }
    }

    private <T> T borrowed(SqlFunction<Lease, T> work, CompiledSql sql) {
        Lease lease;
        try {
            lease = source.acquire();
        } catch (SQLException e) {
            throw SqlErrors.translate(e, sql);
        }
        boolean broken = false;
        try {
            return work.apply(lease);
        } catch (SQLException e) {
            broken = isBroken(lease, e);
            throw SqlErrors.translate(e, sql);
        } catch (RuntimeException | Error e) {
            broken = isBroken(lease, null);
            throw e;
        } finally {
            source.release(lease, broken);
        }
    }

    /** Whether the connection can no longer be trusted: closed, or the error says the link is gone. */
    static boolean isBroken(Lease lease, SQLException e) {
        String state = e == null ? null : e.getSQLState();
        if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
            return true;
        }
        try {
            // the driver's connection: a pool's proxy says it is open until it is given back
            return lease.physical().isClosed();
        } catch (SQLException s) {
            return true;
        }
    }

    /** Runs a query and hands its result set to {@code reader}. */
    public <T> T query(CompiledSql sql, SqlFunction<ResultSet, T> reader) {
        return withLease(lease -> {
            long start = log.start();
            PreparedStatement ps = null;
            boolean logged = false;
            try {
                ps = prepare(lease, sql);
                bind(ps, sql.params());
                T result;
                try (ResultSet rs = ps.executeQuery()) {
                    // Reported once it ran, as Django does: a reader that throws afterwards does not hide it.
                    log.ran(sql, start);
                    logged = true;
                    result = reader.apply(rs);
                }
                return result;
            } catch (SQLException e) {
                if (!logged) {
                    log.failed(sql, start);
                }
                forget(lease, sql, ps);
                throw e;
            } finally {
                closeUncached(lease, ps);
            }
        }, sql, WriteGate.writes(sql.sql()));
    }

    /** Runs an INSERT/UPDATE/DELETE and returns the number of rows it changed. */
    public int update(CompiledSql sql) {
        return withLease(lease -> {
            long start = log.start();
            PreparedStatement ps = null;
            try {
                ps = prepare(lease, sql);
                bind(ps, sql.params());
                int n = ps.executeUpdate();
                log.ran(sql, start);
                return n;
            } catch (SQLException e) {
                log.failed(sql, start);
                forget(lease, sql, ps);
                throw e;
            } finally {
                closeUncached(lease, ps);
            }
        }, sql, true);
    }

    /** Runs statements without parameters (DDL), in order. */
    public void execute(List<String> statements) {
        withLease(lease -> {
            for (String s : statements) {
                CompiledSql sql = CompiledSql.of(s, List.of());
                long start = log.start();
                try (Statement st = lease.connection().createStatement()) {
                    st.execute(s);
                    log.ran(sql, start);
                } catch (SQLException e) {
                    log.failed(sql, start);
                    throw SqlErrors.translate(e, sql);
                }
            }
            return null;
        }, null, true);
    }

    /**
     * Runs a query and returns its rows as a lazy stream read through a cursor ({@code fetchSize}
     * rows at a time). Outside a transaction the stream borrows a connection of its own and gives it
     * back when the rows run out, when reading fails, or when the stream is closed, whichever comes
     * first; close it (try-with-resources) when you may stop early.
     */
    public <T> Stream<T> stream(CompiledSql sql, SqlFunction<ResultSet, T> row, int fetchSize) {
        Lease tx = transactions.statementLease();
        Lease lease;
        if (tx != null) {
            lease = tx;
        } else {
            try {
                lease = source.acquire();
            } catch (SQLException e) {
                throw SqlErrors.translate(e, sql);
            }
        }
        return Cursor.open(this, lease, tx == null, sql, row, fetchSize);
    }

    /** Marks this thread's current atomic block as failed by a statement's {@code error}. */
    void statementFailed(RuntimeException error) {
        transactions.statementFailed(error);
    }

    ConnectionSource source() {
        return source;
    }

    QueryLog log() {
        return log;
    }

    private static PreparedStatement prepare(Lease lease, CompiledSql sql) throws SQLException {
        StatementCache cache = lease.statements();
        return cache != null ? cache.prepare(lease.connection(), sql.sql()) : lease.connection().prepareStatement(sql.sql());
    }

    private static void forget(Lease lease, CompiledSql sql, PreparedStatement ps) {
        if (ps != null && lease.statements() != null) {
            lease.statements().forget(sql.sql());
        }
    }

    private static void closeUncached(Lease lease, PreparedStatement ps) {
        if (ps != null && lease.statements() == null) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // the statement's outcome matters more
            }
        }
    }

    static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof String s) {
                ps.setString(i + 1, s);
            } else if (p instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (p instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else if (p instanceof dev.quarry.spi.TypedParameter t) {
                ps.setObject(i + 1, t.value(), t.sqlType());
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    /** Tells {@code listener} of every statement from now on. */
    public void addListener(QueryListener listener) {
        log.add(listener);
    }

    /** Stops telling {@code listener} of statements. */
    public void removeListener(QueryListener listener) {
        log.remove(listener);
    }

    /** The {@link DatabaseError} for a driver exception raised while running {@code sql} ({@code null}: no statement); see {@link SqlErrors}. */
    public static DatabaseError wrap(SQLException e, CompiledSql sql) {
        return SqlErrors.translate(e, sql);
    }

    /** The {@link DatabaseError} for a driver exception raised while running a statement without parameters (DDL). */
    public static DatabaseError wrap(SQLException e, String statement) {
        return SqlErrors.translate(e, statement == null ? null : CompiledSql.of(statement, List.of()));
    }

    /** Gives back every connection the source keeps; later statements fail. */
    @Override
    public void close() {
        source.close();
    }
}
