package dev.quarry;

import java.sql.Connection;
import java.util.Optional;

/**
 * Transactions managed outside Quarry, by a framework (Spring's {@code @Transactional}, through
 * {@code quarry-spring-boot-starter}), that Quarry's work joins. Given to
 * {@code Quarry.builder().externalTransactions(...)}, it is asked, whenever Quarry has no transaction
 * of its own open on the calling thread, for the thread's external transaction on a database. While
 * there is one:
 * <ul>
 * <li>every statement runs on its connection, so it commits or rolls back with the framework's
 * transaction; Quarry never commits, rolls back, closes or changes the autocommit mode of that
 * connection;</li>
 * <li>{@code db.atomic()} is a nested block: a savepoint on that connection, released when the block
 * returns and rolled back to when it throws; a durable block, another isolation level or a read-only
 * block in a read-write transaction is refused, as for any nested block;</li>
 * <li>{@code db.onCommit(...)} callbacks run after the external transaction commits, and the
 * in-memory undo of rolled-back writes (keys given to new instances) runs when it rolls back;</li>
 * <li>routers see it: {@code Router.Hints.inTransaction(name)} is true, and
 * {@code Router.Hints.inReadOnlyTransaction(name)} tells a read-only one (the
 * {@link PrimaryReplicaRouter} sends the reads of a read-only transaction to the replicas).</li>
 * </ul>
 * Implementations are called on the threads that run queries, before each statement: they must be
 * thread-safe and cheap (a thread-local look-up).
 */
@FunctionalInterface
public interface ExternalTransactions {
    /** The calling thread's external transaction on the named database of the Quarry, or empty when it has none. */
    Optional<Transaction> current(String database);

    /** One thread's external transaction on one database, as Quarry uses it. */
    interface Transaction {
        /** The transaction's connection, which Quarry borrows for a statement or a block and never closes, commits or rolls back. */
        Connection connection();

        /** Whether the transaction is read-only. */
        boolean readOnly();

        /** Runs {@code callback} after the transaction commits (never if it rolls back). */
        void onCommit(Runnable callback);

        /** Runs {@code callback} after the transaction rolls back (never if it commits). */
        void onRollback(Runnable callback);
    }
}
