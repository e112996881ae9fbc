package dev.quarry.backend.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * SQLite's {@code REGEXP} operator, which SQLite leaves to the application: {@code x REGEXP p} calls
 * {@code regexp(p, x)}, answered here with {@link java.util.regex} ({@code find}, as Django's Python
 * function does with {@code re.search}). The only class of the core compiled against sqlite-jdbc
 * ({@code provided} scope): {@link SqliteBackend} loads it by name on SQLite connections alone, so
 * the core runs without the driver. NULL in, NULL out.
 */
public final class SqliteRegexp extends org.sqlite.Function {
    private static final int MAX_CACHED = 256;
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    /**
     * Registers {@code regexp(pattern, value)} on an SQLite connection (or a pool's wrapper of one).
     *
     * @throws SQLException if the driver refuses to register the function
     */
    public static void register(Connection connection) throws SQLException {
        Connection c = connection.isWrapperFor(org.sqlite.SQLiteConnection.class)
                ? connection.unwrap(org.sqlite.SQLiteConnection.class) : connection;
        org.sqlite.Function.create(c, "regexp", new SqliteRegexp(), 2, org.sqlite.Function.FLAG_DETERMINISTIC);
    }

    @Override
    protected void xFunc() throws SQLException {
        String pattern = value_text(0);
        String value = value_text(1);
        if (pattern == null || value == null) {
            result();
            return;
        }
        Pattern p = PATTERNS.get(pattern);
        if (p == null) {
            try {
                p = Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                error("invalid regular expression: " + e.getDescription());
                return;
            }
            if (PATTERNS.size() >= MAX_CACHED) {
                PATTERNS.clear();
            }
            PATTERNS.put(pattern, p);
        }
        result(p.matcher(value).find() ? 1 : 0);
    }
}
