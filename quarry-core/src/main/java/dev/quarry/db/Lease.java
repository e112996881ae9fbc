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
    private final Connection physical;

    Lease(Connection connection, StatementCache statements) {
        this(connection, statements, connection);
    }

    /** A pool's proxy {@code connection} for the driver's {@code physical} connection behind it. */
    Lease(Connection connection, StatementCache statements, Connection physical) {
        this.connection = connection;
        this.statements = statements;
        this.physical = physical;
    }

    /** The driver's connection behind a pool's proxy (the same object when there is no pool). */
    Connection physical() {
        return physical;
    }

    Connection connection() {
        return connection;
    }

    /** The statement cache of this connection, or {@code null}. */
    StatementCache statements() {
        return statements;
    }
}
