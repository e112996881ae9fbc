package dev.quarry.db;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The in-process queue of writers for a database that allows one writer at a time (SQLite): a
 * transaction, or a writing statement outside one, enters before it begins and leaves when it
 * ends, first come first served. Without it 16 threads spin on SQLite's busy handler, whose
 * growing sleeps let one thread starve past the busy timeout. Writers in other processes are still
 * handled by the busy timeout. Reentrant: a thread inside a transaction is already in.
 */
final class WriteGate {
    /** How long a writer waits in the queue before giving up. */
    static final long WAIT_SECONDS = 30;

    private final ReentrantLock lock = new ReentrantLock(true);

    void enter() throws SQLException {
        try {
            if (!lock.tryLock(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new SQLException("[SQLITE_BUSY] Waited more than " + WAIT_SECONDS
                        + " s for the other writing threads of this process (database is locked)", null, 5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while waiting to write", "57014", e);
        }
    }

    void exit() {
        lock.unlock();
    }

    /** Whether a statement may write: everything but a plain SELECT. */
    static boolean writes(String sql) {
        int i = 0;
        while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        return !sql.regionMatches(true, i, "SELECT", 0, 6);
    }
}
