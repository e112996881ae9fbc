package dev.quarry.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Prepared statements kept per connection, least recently used evicted, so a repeated query
 * shape skips the driver's (and SQLite's) statement preparation. Statements of a closed
 * connection are noticed and prepared again.
 */
final class StatementCache {
    private final int perConnection;
    private final Map<Connection, LinkedHashMap<String, PreparedStatement>> caches =
            Collections.synchronizedMap(new WeakHashMap<>());

    StatementCache(int perConnection) {
        this.perConnection = perConnection;
    }

    PreparedStatement prepare(Connection c, String sql) throws SQLException {
        LinkedHashMap<String, PreparedStatement> cache = caches.computeIfAbsent(c, k -> new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                if (size() > perConnection) {
                    close(eldest.getValue());
                    return true;
                }
                return false;
            }
        });
        PreparedStatement ps = cache.get(sql);
        if (ps != null && !ps.isClosed()) {
            return ps;
        }
        ps = c.prepareStatement(sql);
        cache.put(sql, ps);
        return ps;
    }

    void forget(Connection c, String sql) {
        LinkedHashMap<String, PreparedStatement> cache = caches.get(c);
        if (cache != null) {
            PreparedStatement ps = cache.remove(sql);
            if (ps != null) {
                close(ps);
            }
        }
    }

    private static void close(PreparedStatement ps) {
        try {
            ps.close();
        } catch (SQLException ignored) {
            // evicted statement: nothing to do
        }
    }
}
