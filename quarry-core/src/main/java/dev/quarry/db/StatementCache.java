package dev.quarry.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The prepared statements of one connection Quarry owns, least recently used evicted, so a
 * repeated query shape skips the driver's (and SQLite's) statement preparation. Used only by the
 * thread that holds the connection's lease, so it needs no lock.
 */
final class StatementCache {
    private final LinkedHashMap<String, PreparedStatement> statements;

    StatementCache(int capacity) {
        this.statements = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                if (size() > capacity) {
                    close(eldest.getValue());
                    return true;
                }
                return false;
            }
        };
    }

    /** The cached statement for {@code sql} on {@code c}, prepared now if needed. */
    PreparedStatement prepare(Connection c, String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps != null && !ps.isClosed()) {
            return ps;
        }
        ps = c.prepareStatement(sql);
        statements.put(sql, ps);
        return ps;
    }

    /** Drops (and closes) the statement for {@code sql}, after it failed. */
    void forget(String sql) {
        PreparedStatement ps = statements.remove(sql);
        if (ps != null) {
            close(ps);
        }
    }

    /** Closes every cached statement (the connection is going away). */
    void closeAll() {
        statements.values().forEach(StatementCache::close);
        statements.clear();
    }

    private static void close(PreparedStatement ps) {
        try {
            ps.close();
        } catch (SQLException ignored) {
            // evicted statement: nothing to do
        }
    }
}
