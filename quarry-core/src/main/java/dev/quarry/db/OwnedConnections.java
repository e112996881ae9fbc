package dev.quarry.db;

import dev.quarry.spi.Backend;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Connections Quarry opens itself from a JDBC URL ({@code Quarry.builder().url(...)}): as many as
 * threads need at once, with up to {@code maxIdle} kept for reuse, each with its own
 * prepared-statement cache. A connection that broke, or that idled long and no longer answers, is
 * closed instead of reused. For production, prefer a pool ({@code dataSource(...)}). Thread-safe:
 * the idle list is guarded by this object's lock, and a leased connection belongs to one thread.
 */
final class OwnedConnections implements ConnectionSource {
    static final int DEFAULT_MAX_IDLE = 8;
    private static final long CHECK_AFTER_IDLE_NANOS = 1_000_000_000L;
    private static final int STATEMENTS_PER_CONNECTION = 64;

    private record Idle(Lease lease, long since) {}

    private final String url;
    private final Properties props;
    private final Backend backend;
    private final int maxIdle;
    private final ArrayDeque<Idle> idle = new ArrayDeque<>();
    private boolean closed;

    OwnedConnections(String url, Properties props, Backend backend, int maxIdle) {
        this.url = url;
        this.props = props;
        this.backend = backend;
        this.maxIdle = maxIdle;
    }

    @Override
    public Lease acquire() throws SQLException {
        while (true) {
            Idle i;
            synchronized (this) {
                if (closed) {
                    throw new SQLException("This Quarry has been closed", "08003");
                }
                i = idle.pollLast();
            }
            if (i == null) {
                return open();
            }
            if (System.nanoTime() - i.since() < CHECK_AFTER_IDLE_NANOS || alive(i.lease().connection())) {
                return i.lease();
            }
            discard(i.lease());
        }
    }

    private Lease open() throws SQLException {
        Connection c = DriverManager.getConnection(url, props);
        try {
            backend.initConnection(c);
        } catch (SQLException | RuntimeException e) {
            try {
                c.close();
            } catch (SQLException s) {
                e.addSuppressed(s);
            }
            throw e;
        }
        return new Lease(c, new StatementCache(STATEMENTS_PER_CONNECTION));
    }

    private static boolean alive(Connection c) {
        try {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void release(Lease lease, boolean broken) {
        boolean keep = !broken;
        if (keep) {
            try {
                keep = !lease.connection().isClosed();
            } catch (SQLException e) {
                keep = false;
            }
        }
        if (keep) {
            synchronized (this) {
                if (!closed && idle.size() < maxIdle) {
                    idle.addLast(new Idle(lease, System.nanoTime()));
                    return;
                }
            }
        }
        discard(lease);
    }

    private static void discard(Lease lease) {
        lease.statements().closeAll();
        try {
            lease.connection().close();
        } catch (SQLException ignored) {
            // already broken or closed
        }
    }

    @Override
    public void close() {
        List<Idle> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(idle);
            idle.clear();
        }
        for (Idle i : all) {
            discard(i.lease());
        }
    }
}
