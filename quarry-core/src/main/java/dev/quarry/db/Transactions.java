package dev.quarry.db;

import dev.quarry.DatabaseError;
import dev.quarry.ExternalTransactions;
import dev.quarry.QuarryException;
import dev.quarry.TransactionManagementError;
import dev.quarry.spi.Operations;
import dev.quarry.sql.CompiledSql;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import java.util.function.Supplier;

/**
 * Transactions bound to the thread that opens them: the outermost {@link #atomic} block borrows a
 * connection, applies the block's isolation and read-only mode, and commits or rolls back; nested
 * blocks are savepoints. Whatever fails, the first error is the one thrown (cleanup failures are
 * attached to it as suppressed), the connection always goes back to its source, and one whose
 * cleanup failed goes back as broken so it is never reused.
 *
 * <p>A statement that fails inside a block marks that block (Django's {@code needs_rollback}): later
 * statements in it are refused, and it rolls back when it ends, with a
 * {@link TransactionManagementError} when it ends normally, so that a caught error never lets a
 * half-done block commit (PostgreSQL refuses such statements itself; SQLite and MariaDB would run
 * them). {@code onCommit} callbacks run after the outermost commit and are dropped with the block
 * that registered them when it rolls back; {@code onRollback} callbacks run when the block that
 * registered them, or one enclosing it, rolls back, and are dropped at the outermost commit.
 *
 * <p>Outside a transaction of its own, a thread may be inside an external one (a framework's, see
 * {@link ExternalTransactions}): statements then run on its connection, an atomic block is a
 * savepoint on it whose callbacks are handed to the external transaction when the block returns, and
 * {@code onCommit}/{@code onRollback} go to it directly.
 */
final class Transactions {
    private static final CompiledSql BEGIN = CompiledSql.of("BEGIN", List.of());
    private static final CompiledSql COMMIT = CompiledSql.of("COMMIT", List.of());
    private static final CompiledSql SAVEPOINT = CompiledSql.of("SAVEPOINT", List.of());
    private static final CompiledSql RELEASE = CompiledSql.of("RELEASE SAVEPOINT", List.of());

    private final ConnectionSource source;
    private final WriteGate gate;
    private final Operations ops;
    private final QueryLog log;
    private final Supplier<ExternalTransactions.Transaction> external;
    private final ThreadLocal<Tx> current = new ThreadLocal<>();

    /**
     * Transactions on connections of {@code source}; {@code gate} queues them when the database has one
     * writer ({@code null} otherwise); {@code ops} gives the statements that set a transaction's mode,
     * reported to {@code log}; {@code external} gives the calling thread's external transaction on this
     * database, or {@code null} (the supplier itself may be {@code null}: none is ever joined).
     */
    Transactions(ConnectionSource source, WriteGate gate, Operations ops, QueryLog log,
                 Supplier<ExternalTransactions.Transaction> external) {
        this.source = source;
        this.gate = gate;
        this.ops = ops;
        this.log = log;
        this.external = external;
    }

    /** The calling thread's external transaction, or {@code null}. */
    private ExternalTransactions.Transaction external() {
        return external == null ? null : external.get();
    }

    /** Whether this thread is in a transaction: Quarry's own, or an external one it joins. */
    boolean inTransaction() {
        return current.get() != null || external() != null;
    }

    /** Whether this thread's transaction (Quarry's own, or an external one) is read-only; false outside one. */
    boolean inReadOnlyTransaction() {
        Tx tx = current.get();
        if (tx != null) {
            return tx.options.readOnly();
        }
        ExternalTransactions.Transaction ext = external();
        return ext != null && ext.readOnly();
    }

    /**
     * The lease of this thread's transaction for running a statement, or {@code null} outside one;
     * refuses when a statement of the current block already failed.
     */
    Lease statementLease() {
        Tx tx = current.get();
        if (tx == null) {
            ExternalTransactions.Transaction ext = external();
            return ext == null ? null : join(ext);
        }
        checkNotFailed(tx);
        return tx.lease;
    }

    /** A lease of the external transaction's connection, prepared by the backend the first time it is seen. */
    private Lease join(ExternalTransactions.Transaction ext) {
        try {
            return source.join(ext.connection());
        } catch (SQLException e) {
            throw SqlErrors.translate(e, BEGIN);
        }
    }

    /** Marks the innermost open block as failed by {@code error}, a statement's error; nothing outside a transaction. */
    void statementFailed(RuntimeException error) {
        Tx tx = current.get();
        if (tx != null && tx.failedDepth < 0) {
            tx.failedDepth = tx.depth;
            tx.failure = error;
        }
    }

    private static void checkNotFailed(Tx tx) {
        if (tx.failedDepth >= 0) {
            throw new TransactionManagementError("A statement failed earlier in this atomic block (see the cause), so the "
                    + "block will be rolled back and no statement may run until it ends. To go on after a failure, run "
                    + "the statement in a nested atomic() block and catch the error outside that block", tx.failure);
        }
    }

    /** Runs {@code work} in a transaction (a savepoint inside one); commits on return, rolls back on any exception. */
    <T> T atomic(TxOptions options, Supplier<T> work) {
        Tx tx = current.get();
        if (tx != null) {
            return savepoint(tx, options, work);
        }
        ExternalTransactions.Transaction ext = external();
        return ext != null ? joined(ext, options, work) : outermost(options, work);
    }

    /**
     * Runs {@code work} as a block nested in the external transaction {@code ext}: a savepoint on its
     * connection. When the block returns, the callbacks it registered belong to the external transaction.
     */
    private <T> T joined(ExternalTransactions.Transaction ext, TxOptions options, Supplier<T> work) {
        Tx tx = new Tx(join(ext), false, new TxOptions(TxOptions.DEFAULT_ISOLATION, null, ext.readOnly(), false), false,
                true);
        current.set(tx);
        T result;
        try {
            result = savepoint(tx, options, work);
        } finally {
            current.remove();
        }
        for (Runnable r : tx.onCommit) {
            ext.onCommit(r);
        }
        // the external transaction runs them in the order given: last registered first, as a rollback here would
        for (int i = tx.onRollback.size() - 1; i >= 0; i--) {
            ext.onRollback(tx.onRollback.get(i));
        }
        return result;
    }

    private <T> T savepoint(Tx tx, TxOptions options, Supplier<T> work) {
        checkNested(tx, options);
        checkNotFailed(tx);
        Savepoint sp;
        try {
            sp = tx.lease.connection().setSavepoint();
        } catch (SQLException e) {
            DatabaseError error = SqlErrors.translate(e, SAVEPOINT);
            statementFailed(error);
            throw error;
        }
        int callbacks = tx.onCommit.size();
        int undo = tx.onRollback.size();
        tx.depth++;
        int depth = tx.depth;
        try {
            T result = work.get();
            if (tx.failedDepth == depth) {
                throw rolledBackAfterCaughtError(tx);
            }
            try {
                tx.lease.connection().releaseSavepoint(sp);
            } catch (SQLFeatureNotSupportedException ignored) {
                // a driver that releases savepoints at commit only; the savepoint is harmless
            } catch (SQLException e) {
                // the first error of a connection that died with the block's last statement (as Django)
                throw SqlErrors.translate(e, RELEASE);
            }
            return result;
        } catch (RuntimeException | Error e) {
            try {
                tx.lease.connection().rollback(sp);
                if (tx.failedDepth >= depth) {
                    tx.failedDepth = -1;
                    tx.failure = null;
                }
            } catch (SQLException s) {
                e.addSuppressed(s);
                // The outer block cannot trust what is left: it must roll back too.
                if (tx.failedDepth < 0 || tx.failedDepth > depth - 1) {
                    tx.failedDepth = depth - 1;
                    tx.failure = SqlErrors.translate(s, SAVEPOINT);
                }
            }
            tx.onCommit.subList(callbacks, tx.onCommit.size()).clear();
            TxCallbacks.rolledBack(tx.onRollback.subList(undo, tx.onRollback.size()), e);
            throw e;
        } finally {
            tx.depth--;
        }
    }

    private static void checkNested(Tx tx, TxOptions options) {
        String where = tx.harness && tx.depth == 0
                ? " (inside a test's rolled-back transaction: mark the test @Committing)"
                : tx.joined && tx.depth == 0 ? " (a transaction managed outside Quarry, such as a Spring @Transactional "
                + "method's)" : "";
        if (options.durable() && !(tx.harness && tx.depth == 0)) {
            throw new TransactionManagementError("A durable atomic block cannot be nested within another atomic block"
                    + (tx.joined && tx.depth == 0 ? " or an external transaction" + where : "")
                    + ": its commit would not be final");
        }
        if (options.hasIsolation() && options.isolation() != tx.options.isolation()) {
            throw new TransactionManagementError("This atomic block asks for isolation " + options.isolationName()
                    + ", but it is nested in a transaction begun " + (tx.options.hasIsolation() ? "at "
                    + tx.options.isolationName() : "at the database's default level") + where
                    + "; the isolation level is set by the outermost block: ask for it there");
        }
        if (options.readOnly() && !tx.options.readOnly()) {
            throw new TransactionManagementError("This atomic block asks to be read-only, but it is nested in a read-write "
                    + "transaction" + where + "; read-only is set by the outermost block: ask for it there");
        }
    }

    private static TransactionManagementError rolledBackAfterCaughtError(Tx tx) {
        return new TransactionManagementError("This atomic block was rolled back: a statement in it failed (see the "
                + "cause) and the error was caught inside the block, which then ended normally. Catch database errors "
                + "outside a nested atomic() block to go on after them", tx.failure);
    }

    private <T> T outermost(TxOptions options, Supplier<T> work) {
        Tx tx = open(options, false);
        RuntimeException failure = null;
        T result = null;
        try {
            result = work.get();
            if (tx.failedDepth == 0) {
                failure = rolledBackAfterCaughtError(tx);
            }
        } catch (RuntimeException e) {
            failure = e;
        } catch (Error e) {
            end(tx, false, e);
            throw e;
        }
        if (failure == null) {
            try {
                undoMode(tx);
                tx.lease.connection().commit();
            } catch (SQLException e) {
                failure = SqlErrors.translate(e, COMMIT);
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        failure = end(tx, failure == null, failure);
        if (failure != null) {
            throw failure;
        }
        TxCallbacks.runAll(tx.onCommit);
        return result;
    }

    private Tx open(TxOptions options, boolean harness) {
        Lease lease;
        try {
            if (gate != null) {
                gate.enter();
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e, BEGIN);
        }
        try {
            lease = source.acquire();
        } catch (SQLException e) {
            exitGate();
            throw SqlErrors.translate(e, BEGIN);
        }
        boolean auto;
        try {
            auto = lease.connection().getAutoCommit();
            if (!options.sessionSetup().isEmpty()) {
                setUp(lease, options.sessionSetup());
            }
            if (auto) {
                lease.connection().setAutoCommit(false);
            }
        } catch (SQLException e) {
            source.release(lease, true);
            exitGate();
            throw SqlErrors.translate(e, BEGIN);
        }
        Tx tx = new Tx(lease, auto, options, harness, false);
        List<String> start = ops.transactionStart(options.isolation(), options.readOnly());
        if (!start.isEmpty()) {
            try {
                run(lease, start);
            } catch (RuntimeException e) {
                end(tx, false, e);
                throw e;
            }
        }
        current.set(tx);
        return tx;
    }

    /** Runs a block's session setup before its transaction begins; on failure the lease is given back broken. */
    private void setUp(Lease lease, List<String> statements) {
        try {
            run(lease, statements);
        } catch (RuntimeException e) {
            source.release(lease, true);
            exitGate();
            throw e;
        }
    }

    private void run(Lease lease, List<String> statements) {
        for (String s : statements) {
            CompiledSql sql = CompiledSql.of(s, List.of());
            long start = log.start();
            try (Statement st = lease.connection().createStatement()) {
                st.execute(s);
                log.ran(sql, start);
            } catch (SQLException e) {
                log.failed(sql, start);
                throw SqlErrors.translate(e, sql);
            }
        }
    }

    /** Runs, once, the statements that undo the transaction's session settings, just before it ends. */
    private void undoMode(Tx tx) {
        if (!tx.modeUndone) {
            run(tx.lease, ops.transactionEnd(tx.options.readOnly()));
            tx.modeUndone = true;
        }
    }

    private void exitGate() {
        if (gate != null) {
            gate.exit();
        }
    }

    /**
     * Ends the outermost transaction: undoes the block's session settings and rolls back unless
     * {@code committed} (a commit undid them already), restores autocommit and returns the connection (broken when a step failed). Returns the
     * error to throw: {@code failure}, with cleanup errors attached, or the first cleanup error when
     * there was none.
     */
    private <E extends Throwable> E end(Tx tx, boolean committed, E failure) {
        current.remove();
        boolean broken = false;
        Throwable first = failure;
        if (!committed) {
            try {
                undoMode(tx);
            } catch (RuntimeException e) {
                broken = true;
                first = attach(first, e);
            }
            try {
                tx.lease.connection().rollback();
            } catch (SQLException e) {
                broken = true;
                first = attach(first, e);
            }
            // Whether or not ROLLBACK itself succeeded, nothing of the transaction was committed.
            first = TxCallbacks.rolledBack(tx.onRollback, first);
        }
        if (tx.autoCommitBefore && !broken) {
            try {
                tx.lease.connection().setAutoCommit(true);
            } catch (SQLException e) {
                broken = true;
                first = attach(first, e);
            }
        }
        if (!tx.options.sessionTeardown().isEmpty() && !broken) {
            try {
                run(tx.lease, tx.options.sessionTeardown());
            } catch (RuntimeException e) {
                broken = true;
                first = attach(first, e);
            }
        }
        source.release(tx.lease, broken);
        exitGate();
        @SuppressWarnings("unchecked")
        E out = (E) first;
        return out;
    }

    private static Throwable attach(Throwable first, Exception e) {
        if (first == null) {
            return e instanceof SQLException s ? SqlErrors.translate(s, null) : e;
        }
        first.addSuppressed(e);
        return first;
    }

    /**
     * Registers {@code callback} to run if the current block, or one enclosing it, rolls back (to undo
     * in-memory state that describes rows the rollback removes); nothing to do outside a transaction.
     */
    void onRollback(Runnable callback) {
        Tx tx = current.get();
        if (tx != null) {
            tx.onRollback.add(callback);
            return;
        }
        ExternalTransactions.Transaction ext = external();
        if (ext != null) {
            ext.onRollback(callback);
        }
    }

    /** Registers {@code callback} to run after the outermost commit; runs it now outside a transaction. */
    void onCommit(Runnable callback) {
        Tx tx = current.get();
        if (tx != null) {
            tx.onCommit.add(callback);
            return;
        }
        ExternalTransactions.Transaction ext = external();
        if (ext != null) {
            ext.onCommit(callback);
        } else {
            callback.run();
        }
    }

    /** Opens a transaction on this thread that only closing the handle ends, by rolling back (test harnesses). */
    Database.Rollback beginRollbackOnly() {
        if (inTransaction()) {
            throw new QuarryException("A transaction is already open on this thread; a test transaction must be the outermost one");
        }
        Tx tx = open(TxOptions.PLAIN, true);
        return () -> {
            RuntimeException failure = end(tx, false, null);
            if (failure != null) {
                throw failure;
            }
        };
    }
}
