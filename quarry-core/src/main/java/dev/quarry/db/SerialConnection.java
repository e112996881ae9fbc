package dev.quarry.db;

import dev.quarry.spi.Backend;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one connection of a database that lives only as long as its connection (in-memory SQLite).
 * It is lent to one thread at a time: a thread holds it from acquire to release, so its statements,
 * cached prepared statements and transaction are its own; other threads wait (fairly) for at most
 * {@link #WAIT_SECONDS}. The same thread may acquire it again while holding it (a query run while
 * a stream is open). Closed only when the source is.
 */
final class SerialConnection implements ConnectionSource {
    /** How long a thread waits for the connection before giving up. */
    static final long WAIT_SECONDS = 30;
    private static final int STATEMENTS = 128;

    private final String url;
    private final Properties props;
    private final Backend backend;
    private final ReentrantLock lock = new ReentrantLock(true);
    private Lease lease;
    private boolean closed;

    SerialConnection(String url, Properties props, Backend backend) {
        this.url = url;
        this.props = props;
        this.backend = backend;
    }

    @Override
    public Lease acquire() throws SQLException {
        try {
            if (!lock.tryLock(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new SQLException("The in-memory database's one connection was held by another thread for more than "
                        + WAIT_SECONDS + " s (a long transaction or an open stream)", "55000");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while waiting for the in-memory database's connection", "57014", e);
        }
        try {
            if (closed) {
                throw new SQLException("This Quarry has been closed", "08003");
            }
            if (lease == null) {
                Connection c = DriverManager.getConnection(url, props);
                backend.initConnection(c);
                lease = new Lease(c, new StatementCache(STATEMENTS));
            }
            return lease;
        } catch (SQLException | RuntimeException e) {
            lock.unlock();
            throw e;
        }
    }

    @Override
    public void release(Lease released, boolean broken) {
        // A broken in-memory connection cannot be replaced without losing the data: keep it, and
        // let the next statement report what is wrong.
        lock.unlock();
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            if (lease != null) {
                lease.statements().closeAll();
                try {
                    lease.connection().close();
                } catch (SQLException ignored) {
                    // closing anyway
                }
                lease = null;
            }
        } finally {
            lock.unlock();
        }
    }
}
