package dev.quarry.db;

import dev.quarry.spi.Backend;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Connections from a user's DataSource, usually a pool. Nothing of a connection is kept once it is
 * returned: the set of physical connections already prepared by the backend holds them weakly and
 * by identity, so a connection the pool retires can be collected, and the backend's setup runs
 * once per physical connection, not at every borrow. No prepared-statement cache (a pool closes the
 * statements of a returned connection); configure the driver's own (pgjdbc {@code prepareThreshold},
 * MariaDB {@code useServerPrepStmts}/{@code cachePrepStmts}). A connection that goes back broken is
 * evicted when the pool offers {@code evictConnection(Connection)} (HikariCP): a pool evicts on its
 * own only the errors it recognises (SQLSTATE 08...), and would lend again, for instance, a SQLite
 * connection closed under it. Thread-safe.
 */
final class PooledConnections implements ConnectionSource {
    private final DataSource dataSource;
    private final Backend backend;
    private final WeakIdentitySet<Connection> prepared = new WeakIdentitySet<>();
    private final Method evict;
    private volatile boolean closed;

    PooledConnections(DataSource dataSource, Backend backend) {
        this.dataSource = dataSource;
        this.backend = backend;
        this.evict = evictMethod(dataSource);
    }

    /** The pool's {@code evictConnection(Connection)} (HikariCP), found by name so that Quarry needs no pool; or {@code null}. */
    private static Method evictMethod(DataSource dataSource) {
        try {
            return dataSource.getClass().getMethod("evictConnection", Connection.class);
        } catch (NoSuchMethodException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public Lease acquire() throws SQLException {
        if (closed) {
            throw new SQLException("This Quarry has been closed", "08003");
        }
        Connection c = dataSource.getConnection();
        Connection physical = physical(c);
        try {
            if (!prepared.contains(physical)) {
                backend.initConnection(c);
                prepared.add(physical);
            }
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c, e);
            throw e;
        }
        return new Lease(c, null, physical);
    }

    @Override
    public Lease join(Connection c) throws SQLException {
        Connection physical = physical(c);
        if (!prepared.contains(physical)) {
            backend.initConnection(c);
            prepared.add(physical);
        }
        return new Lease(c, null, physical);
    }

    /** The driver's connection behind a pool's proxy (the proxy itself changes at every borrow). */
    private static Connection physical(Connection c) {
        try {
            return c.isWrapperFor(Connection.class) ? c.unwrap(Connection.class) : c;
        } catch (SQLException e) {
            return c;
        }
    }

    @Override
    public void release(Lease lease, boolean broken) {
        Connection c = lease.connection();
        if (broken) {
            prepared.remove(lease.physical());
            if (evict(c)) {
                return;
            }
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // the pool decides what to do with a connection that failed to close
        }
    }

    /** Asks the pool to drop {@code c} at once (it then needs no close); false when the pool cannot. */
    private boolean evict(Connection c) {
        if (evict == null) {
            return false;
        }
        try {
            evict.invoke(dataSource, c);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private static void closeQuietly(Connection c, Exception cause) {
        try {
            c.close();
        } catch (SQLException s) {
            cause.addSuppressed(s);
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
