package dev.quarry.db;

import dev.quarry.spi.Backend;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * Where connections come from and go back to. Three kinds, each safe for many threads: a user's
 * pool ({@link PooledConnections}), connections Quarry opens from a URL and keeps a few of
 * ({@link OwnedConnections}), and the one connection of an in-memory SQLite database, lent to one
 * thread at a time ({@link SerialConnection}). A lease goes back with {@code broken} when a
 * cleanup step failed on it, so it is discarded instead of reused.
 */
public interface ConnectionSource extends AutoCloseable {
    /**
     * Lends a connection to the calling thread.
     *
     * @throws SQLException if no connection can be had
     */
    Lease acquire() throws SQLException;

    /**
     * A lease of {@code connection}, an external transaction's, which is never given back to this
     * source: a pool's source prepares it with the backend's setup the first time it sees it.
     */
    default Lease join(java.sql.Connection connection) throws SQLException {
        return new Lease(connection, null);
    }

    /** Takes a connection back; a {@code broken} one is closed (or left to the pool to evict), never reused. */
    void release(Lease lease, boolean broken);

    /** Releases every connection the source holds; later acquisitions fail. */
    @Override
    void close();

    /** Connections from a DataSource (a pool such as HikariCP); each is returned by closing it. */
    static ConnectionSource of(DataSource dataSource, Backend backend) {
        return new PooledConnections(dataSource, backend);
    }

    /** Connections Quarry opens from a JDBC URL: one shared connection for an in-memory database, else a few kept idle. */
    static ConnectionSource of(String url, String user, String password, Backend backend) {
        Properties props = new Properties();
        backend.connectionProperties(url).forEach(props::setProperty);
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        if (backend.singleConnection(url)) {
            return new SerialConnection(url, props, backend);
        }
        return new OwnedConnections(url, props, backend, OwnedConnections.DEFAULT_MAX_IDLE);
    }
}
