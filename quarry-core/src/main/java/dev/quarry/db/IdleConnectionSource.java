package dev.quarry.db;

import java.sql.Connection;
import java.sql.SQLException;

/** Keeps one idle connection for reuse; with {@code pinned}, that one connection is shared by everyone. */
final class IdleConnectionSource implements ConnectionSource {
    /** Opens a new physical connection. */
    interface Opener {
        Connection open() throws SQLException;
    }

    private final Opener opener;
    private final boolean pinned;
    private Connection idle;
    private boolean closed;

    IdleConnectionSource(Opener opener, boolean pinned) {
        this.opener = opener;
        this.pinned = pinned;
    }

    @Override
    public synchronized Connection acquire() throws SQLException {
        if (closed) {
            throw new SQLException("This Quarry has been closed");
        }
        if (pinned) {
            if (idle == null) {
                idle = opener.open();
            }
            return idle;
        }
        Connection c = idle;
        idle = null;
        if (c != null && !c.isClosed()) {
            return c;
        }
        return opener.open();
    }

    @Override
    public synchronized void release(Connection connection) throws SQLException {
        if (pinned) {
            return;
        }
        if (idle == null && !closed && !connection.isClosed()) {
            idle = connection;
        } else {
            connection.close();
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (idle != null) {
            try {
                idle.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
            idle = null;
        }
    }
}
