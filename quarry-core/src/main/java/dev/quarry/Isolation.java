package dev.quarry;

import java.sql.Connection;

/**
 * The isolation level of a transaction, asked for with {@code db.atomic().isolation(...)}. Each
 * database gives at least the level asked for: SQLite's transactions are always serializable, so
 * every level is accepted there and runs serializable. Without one, a transaction runs at the
 * database's default, which Quarry makes READ COMMITTED on PostgreSQL and MariaDB alike (Django's
 * choice for MySQL since 2.0).
 */
public enum Isolation {
    /** Reads may see other transactions' uncommitted writes (PostgreSQL gives READ COMMITTED instead). */
    READ_UNCOMMITTED(Connection.TRANSACTION_READ_UNCOMMITTED),
    /** Each statement sees the rows committed before it began. */
    READ_COMMITTED(Connection.TRANSACTION_READ_COMMITTED),
    /** Every read of the transaction sees the same snapshot. */
    REPEATABLE_READ(Connection.TRANSACTION_REPEATABLE_READ),
    /** The transaction behaves as if no other ran at the same time; conflicts raise {@link TransactionConflictError}. */
    SERIALIZABLE(Connection.TRANSACTION_SERIALIZABLE);

    private final int jdbcLevel;

    Isolation(int jdbcLevel) {
        this.jdbcLevel = jdbcLevel;
    }

    /** The level as JDBC's {@code Connection.TRANSACTION_*} constant. */
    int jdbcLevel() {
        return jdbcLevel;
    }
}
