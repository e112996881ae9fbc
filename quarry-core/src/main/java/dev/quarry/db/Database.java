package dev.quarry.db;

import dev.quarry.DatabaseError;
import dev.quarry.ExecutedQuery;
import dev.quarry.QueryListener;
import dev.quarry.spi.Backend;
import dev.quarry.sql.CompiledSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connections, transactions and statement execution for one database. A transaction is bound to
 * the thread that opened it; nested {@link #atomic} blocks are savepoints. Every statement is
 * logged to {@code quarry.sql} at DEBUG with its placeholders and time, its values only to
 * {@code quarry.sql.params} at TRACE (STYLE rule 12), and reported to the listeners. A driver's
 * exception becomes a {@link DatabaseError} through {@link SqlErrors}.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("quarry.sql");
    private static final Logger PARAMS = LoggerFactory.getLogger("quarry.sql.params");
    private static final CompiledSql SAVEPOINT = CompiledSql.of("SAVEPOINT", List.of());
    private static final CompiledSql BEGIN = CompiledSql.of("BEGIN", List.of());
    private static final CompiledSql COMMIT = CompiledSql.of("COMMIT", List.of());
    private static final CompiledSql ROLLBACK = CompiledSql.of("ROLLBACK", List.of());

    private final ConnectionSource source;
    private final Backend backend;
    private final ThreadLocal<Tx> current = new ThreadLocal<>();
    private final List<QueryListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<Connection> initialized = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    private final StatementCache statements = new StatementCache(64);

    public Database(ConnectionSource source, Backend backend) {
        this.source = source;
        this.backend = backend;
    }

    public Backend backend() {
        return backend;
    }

    private static final class Tx {
        final Connection connection;
        final boolean autoCommitBefore;
        int depth;

        Tx(Connection connection, boolean autoCommitBefore) {
            this.connection = connection;
            this.autoCommitBefore = autoCommitBefore;
        }
    }

    private Connection acquire() throws SQLException {
        Connection c = source.acquire();
        if (initialized.add(c)) {
            backend.initConnection(c);
        }
        return c;
    }

    /** Whether this thread is inside a transaction. */
    public boolean inTransaction() {
        return current.get() != null;
    }

    /** Runs {@code work} in a transaction (a savepoint when one is open), committing on return and rolling back on any exception. */
    public <T> T atomic(Supplier<T> work) {
        Tx tx = current.get();
        if (tx != null) {
            Savepoint sp;
            try {
                sp = tx.connection.setSavepoint();
            } catch (SQLException e) {
                throw wrap(e, SAVEPOINT);
            }
            tx.depth++;
            try {
                T result = work.get();
                return result;
            } catch (RuntimeException | Error e) {
                try {
                    tx.connection.rollback(sp);
                } catch (SQLException s) {
                    e.addSuppressed(s);
                }
                throw e;
            } finally {
                tx.depth--;
            }
        }
        Tx opened = open();
        try {
            T result = work.get();
            opened.connection.commit();
            return result;
        } catch (SQLException e) {
            rollbackQuietly(opened, e);
            throw wrap(e, COMMIT);
        } catch (RuntimeException | Error e) {
            rollbackQuietly(opened, e);
            throw e;
        } finally {
            finish(opened);
        }
    }

    private Tx open() {
        try {
            Connection c = acquire();
            boolean auto = c.getAutoCommit();
            if (auto) {
                c.setAutoCommit(false);
            }
            Tx tx = new Tx(c, auto);
            current.set(tx);
            return tx;
        } catch (SQLException e) {
            throw wrap(e, BEGIN);
        }
    }

    private void rollbackQuietly(Tx tx, Throwable cause) {
        try {
            tx.connection.rollback();
        } catch (SQLException s) {
            cause.addSuppressed(s);
        }
    }

    private void finish(Tx tx) {
        current.remove();
        try {
            if (tx.autoCommitBefore) {
                tx.connection.setAutoCommit(true);
            }
            source.release(tx.connection);
        } catch (SQLException e) {
            throw wrap(e, (CompiledSql) null);
        }
    }

    /** Opens a transaction on this thread that only {@link Rollback#close()} ends, by rolling back (tests). */
    public Rollback beginRollbackOnly() {
        if (current.get() != null) {
            throw new dev.quarry.QuarryException("A transaction is already open on this thread; a test transaction must be the outermost one");
        }
        Tx tx = open();
        return () -> {
            try {
                tx.connection.rollback();
            } catch (SQLException e) {
                throw wrap(e, ROLLBACK);
            } finally {
                finish(tx);
            }
        };
    }

    /** Ends a transaction opened by {@link #beginRollbackOnly()}. */
    public interface Rollback extends AutoCloseable {
        @Override
        void close();
    }

    /** Runs {@code work} with this thread's transaction connection, or a connection of its own in autocommit. */
    public <T> T withConnection(SqlFunction<Connection, T> work) {
        Tx tx = current.get();
        if (tx != null) {
            try {
                return work.apply(tx.connection);
            } catch (SQLException e) {
                throw wrap(e, (CompiledSql) null);
            }
        }
        Connection c;
        try {
            c = acquire();
        } catch (SQLException e) {
            throw wrap(e, (CompiledSql) null);
        }
        try {
            return work.apply(c);
        } catch (SQLException e) {
            throw wrap(e, (CompiledSql) null);
        } finally {
            try {
                source.release(c);
            } catch (SQLException ignored) {
                // the statement's outcome matters more
            }
        }
    }

    /** Runs a query and hands its result set to {@code reader}. */
    public <T> T query(CompiledSql sql, SqlFunction<ResultSet, T> reader) {
        return withConnection(c -> {
            long start = System.nanoTime();
            try {
                PreparedStatement ps = statements.prepare(c, sql.sql());
                bind(ps, sql.params());
                try (ResultSet rs = ps.executeQuery()) {
                    T result = reader.apply(rs);
                    logged(sql, start);
                    return result;
                }
            } catch (SQLException e) {
                failed(sql, start);
                statements.forget(c, sql.sql());
                throw wrap(e, sql);
            }
        });
    }

    /**
     * Runs a query and returns its rows as a lazy stream read through a cursor ({@code fetchSize}
     * rows at a time); closing the stream closes the cursor and, outside a transaction, commits
     * and releases the connection it used.
     */
    public <T> java.util.stream.Stream<T> stream(CompiledSql sql, SqlFunction<ResultSet, T> row, int fetchSize) {
        Tx tx = current.get();
        Connection c;
        boolean own = tx == null;
        boolean auto;
        try {
            c = own ? acquire() : tx.connection;
            auto = c.getAutoCommit();
            if (own && auto) {
                c.setAutoCommit(false);
            }
        } catch (SQLException e) {
            throw wrap(e, (CompiledSql) null);
        }
        PreparedStatement ps = null;
        ResultSet rs;
        long start = System.nanoTime();
        try {
            ps = c.prepareStatement(sql.sql(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            ps.setFetchSize(fetchSize);
            bind(ps, sql.params());
            rs = ps.executeQuery();
            logged(sql, start);
        } catch (SQLException e) {
            failed(sql, start);
            closeQuietly(ps);
            endOwned(c, own, auto);
            throw wrap(e, sql);
        }
        PreparedStatement statement = ps;
        java.util.Iterator<T> it = new java.util.Iterator<>() {
            private boolean fetched;
            private boolean more;

            @Override
            public boolean hasNext() {
                if (!fetched) {
                    try {
                        more = rs.next();
                    } catch (SQLException e) {
                        throw wrap(e, sql);
                    }
                    fetched = true;
                }
                return more;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                fetched = false;
                try {
                    return row.apply(rs);
                } catch (SQLException e) {
                    throw wrap(e, sql);
                }
            }
        };
        return java.util.stream.StreamSupport.stream(
                java.util.Spliterators.spliteratorUnknownSize(it, java.util.Spliterator.ORDERED), false)
                .onClose(() -> {
                    closeQuietly(rs);
                    closeQuietly(statement);
                    endOwned(c, own, auto);
                });
    }

    private void endOwned(Connection c, boolean own, boolean auto) {
        if (!own) {
            return;
        }
        try {
            c.commit();
            if (auto) {
                c.setAutoCommit(true);
            }
            source.release(c);
        } catch (SQLException e) {
            throw wrap(e, COMMIT);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // already failing or finished
            }
        }
    }

    /** Runs an INSERT/UPDATE/DELETE and returns the number of rows it changed. */
    public int update(CompiledSql sql) {
        return withConnection(c -> {
            long start = System.nanoTime();
            try {
                PreparedStatement ps = statements.prepare(c, sql.sql());
                bind(ps, sql.params());
                int n = ps.executeUpdate();
                logged(sql, start);
                return n;
            } catch (SQLException e) {
                failed(sql, start);
                statements.forget(c, sql.sql());
                throw wrap(e, sql);
            }
        });
    }

    /** Runs statements without parameters (DDL), in order. */
    public void execute(List<String> statements) {
        withConnection(c -> {
            for (String s : statements) {
                long start = System.nanoTime();
                try (Statement st = c.createStatement()) {
                    st.execute(s);
                    logged(CompiledSql.of(s, List.of()), start);
                } catch (SQLException e) {
                    failed(CompiledSql.of(s, List.of()), start);
                    throw wrap(e, s);
                }
            }
            return null;
        });
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }

    private void logged(CompiledSql sql, long start) {
        long nanos = System.nanoTime() - start;
        log(sql, nanos, false);
        if (!listeners.isEmpty()) {
            ExecutedQuery q = new ExecutedQuery(sql.sql(), new ArrayList<>(sql.params()), sql.inline(backend.operations()), nanos);
            for (QueryListener l : listeners) {
                l.onQuery(q);
            }
        }
    }

    private void failed(CompiledSql sql, long start) {
        log(sql, System.nanoTime() - start, true);
    }

    /** The statement with placeholders to {@code quarry.sql} (DEBUG); its values only to {@code quarry.sql.params} (TRACE). */
    private void log(CompiledSql sql, long nanos, boolean failed) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{}", StatementText.debugLine(sql, nanos, failed));
        }
        if (PARAMS.isTraceEnabled() && !sql.params().isEmpty()) {
            List<String> values = new ArrayList<>(sql.params().size());
            for (Object p : sql.params()) {
                values.add(backend.operations().literal(p));
            }
            PARAMS.trace("values: {}", values);
        }
    }

    public void addListener(QueryListener listener) {
        listeners.add(listener);
    }

    public void removeListener(QueryListener listener) {
        listeners.remove(listener);
    }

    /** The {@link DatabaseError} for a driver exception raised while running {@code sql} ({@code null}: no statement); see {@link SqlErrors}. */
    public static DatabaseError wrap(SQLException e, CompiledSql sql) {
        return SqlErrors.translate(e, sql);
    }

    /** The {@link DatabaseError} for a driver exception raised while running a statement without parameters (DDL). */
    public static DatabaseError wrap(SQLException e, String statement) {
        return SqlErrors.translate(e, statement == null ? null : CompiledSql.of(statement, List.of()));
    }

    @Override
    public void close() {
        source.close();
    }
}
