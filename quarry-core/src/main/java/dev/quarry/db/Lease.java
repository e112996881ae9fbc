package dev.quarry.db;

import java.sql.Connection;

/**
 * A connection on loan from a {@link ConnectionSource} to one thread, with the prepared-statement
 * cache that belongs to it when Quarry owns the connection ({@code null} for a pool's connection:
 * a pool closes statements when the connection goes back, so the driver's own cache is used).
 */
final class Lease {
    private final Connection connection;
    private final StatementCache statements;

    Lease(Connection connection, StatementCache statements) {
        this.connection = connection;
        this.statements = statements;
    }

    Connection connection() {
        return connection;
    }

    /** The statement cache of this connection, or {@code null}. */
    StatementCache statements() {
        return statements;
    }
}
