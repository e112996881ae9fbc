package dev.quarry.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;

/** Where connections come from and go back to: a user's pooled DataSource, or a JDBC URL. */
public interface ConnectionSource extends AutoCloseable {
    Connection acquire() throws SQLException;

    void release(Connection connection) throws SQLException;

    @Override
    void close();

    /** Connections from a DataSource (a pool such as HikariCP); released connections are closed (returned to the pool). */
    static ConnectionSource of(DataSource ds) {
        return new ConnectionSource() {
            @Override
            public Connection acquire() throws SQLException {
                return ds.getConnection();
            }

            @Override
            public void release(Connection connection) throws SQLException {
                connection.close();
            }

            @Override
            public void close() {
            }
        };
    }

    /**
     * Connections from DriverManager, keeping one idle connection for reuse; an in-memory SQLite
     * URL keeps its single connection for the life of the source (closing it would lose the data).
     */
    static ConnectionSource of(String url, String user, String password) {
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        boolean memory = url.startsWith("jdbc:sqlite:") && (url.equals("jdbc:sqlite:") || url.contains(":memory:")
                || url.contains("mode=memory"));
        return new IdleConnectionSource(() -> DriverManager.getConnection(url, props), memory);
    }
}
