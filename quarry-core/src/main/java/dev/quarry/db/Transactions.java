package dev.quarry.db;

import dev.quarry.QuarryException;
import dev.quarry.sql.CompiledSql;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Transactions bound to the thread that opens them: the outermost {@link #atomic} block borrows a
 * connection and commits or rolls back; nested blocks are savepoints. Whatever fails, the first
 * error is the one thrown (cleanup failures are attached to it as suppressed), the connection always
 * goes back to its source, and one whose cleanup failed goes back as broken so it is never reused.
 * {@code onCommit} callbacks run after the outermost commit and are dropped with the block that
 * registered them when it rolls back; {@code onRollback} callbacks run when the block that
 * registered them, or one enclosing it, rolls back, and are dropped at the outermost commit.
 */
final class Transactions {
    private static final CompiledSql BEGIN = CompiledSql.of("BEGIN", List.of());
    private static final CompiledSql COMMIT = CompiledSql.of("COMMIT", List.of());
    private static final CompiledSql SAVEPOINT = CompiledSql.of("SAVEPOINT", List.of());
    private static final CompiledSql RELEASE = CompiledSql.of("RELEASE SAVEPOINT", List.of());

    /** One thread's open transaction. */
    private static final class Tx {
        final Lease lease;
        final boolean autoCommitBefore;
        final List<Runnable> onCommit = new ArrayList<>();
        final List<Runnable> onRollback = new ArrayList<>();
        int depth;

        Tx(Lease lease, boolean autoCommitBefore) {
            this.lease = lease;
            this.autoCommitBefore = autoCommitBefore;
        }
    }

    private final ConnectionSource source;
    private final WriteGate gate;
    private final ThreadLocal<Tx> current = new ThreadLocal<>();

    /** Transactions on connections of {@code source}; {@code gate} queues them when the database has one writer ({@code null} otherwise). */
    Transactions(ConnectionSource source, WriteGate gate) {
        this.source = source;
        this.gate = gate;
    }

    /** The lease of this thread's transaction, or {@code null} outside one. */
    Lease lease() {
        Tx tx = current.get();
        return tx == null ? null : tx.lease;
    }

    /** Runs {@code work} in a transaction (a savepoint inside one); commits on return, rolls back on any exception. */
    <T> T atomic(Supplier<T> work) {
        Tx tx = current.get();
        return tx != null ? savepoint(tx, work) : outermost(work);
    }

    private <T> T savepoint(Tx tx, Supplier<T> work) {
        Savepoint sp;
        try {
            sp = tx.lease.connection().setSavepoint();
        } catch (SQLException e) {
            throw SqlErrors.translate(e, SAVEPOINT);
        }
        int callbacks = tx.onCommit.size();
        int undo = tx.onRollback.size();
        tx.depth++;
        try {
            T result = work.get();
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
            } catch (SQLException s) {
                e.addSuppressed(s);
            }
            tx.onCommit.subList(callbacks, tx.onCommit.size()).clear();
            rolledBack(tx.onRollback.subList(undo, tx.onRollback.size()), e);
            throw e;
        } finally {
            tx.depth--;
        }
    }

    private <T> T outermost(Supplier<T> work) {
        Tx tx = open();
        RuntimeException failure = null;
        T result = null;
        try {
            result = work.get();
        } catch (RuntimeException e) {
            failure = e;
        } catch (Error e) {
            end(tx, false, e);
            throw e;
        }
        if (failure == null) {
            try {
                tx.lease.connection().commit();
            } catch (SQLException e) {
                failure = SqlErrors.translate(e, COMMIT);
            }
        }
        failure = end(tx, failure == null, failure);
        if (failure != null) {
            throw failure;
        }
        for (Runnable r : tx.onCommit) {
            r.run();
        }
        return result;
    }

    private Tx open() {
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
        try {
            boolean auto = lease.connection().getAutoCommit();
            if (auto) {
                lease.connection().setAutoCommit(false);
            }
            Tx tx = new Tx(lease, auto);
            current.set(tx);
            return tx;
        } catch (SQLException e) {
            source.release(lease, true);
            exitGate();
            throw SqlErrors.translate(e, BEGIN);
        }
    }

    private void exitGate() {
        if (gate != null) {
            gate.exit();
        }
    }

    /**
     * Ends the outermost transaction: rolls back unless {@code committed}, restores autocommit and
     * returns the connection (broken when a step failed). Returns the error to throw: {@code failure},
     * with cleanup errors attached, or the first cleanup error when there was none.
     */
    private <E extends Throwable> E end(Tx tx, boolean committed, E failure) {
        current.remove();
        boolean broken = false;
        Throwable first = failure;
        if (!committed) {
            try {
                tx.lease.connection().rollback();
            } catch (SQLException e) {
                broken = true;
                first = attach(first, e);
            }
            // Whether or not ROLLBACK itself succeeded, nothing of the transaction was committed.
            first = rolledBack(tx.onRollback, first);
        }
        if (tx.autoCommitBefore) {
            try {
                tx.lease.connection().setAutoCommit(true);
            } catch (SQLException e) {
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

    private static Throwable attach(Throwable first, SQLException e) {
        if (first == null) {
            return SqlErrors.translate(e, null);
        }
        first.addSuppressed(e);
        return first;
    }

    /**
     * Runs the {@code onRollback} callbacks of a block that rolled back, last registered first, and
     * forgets them; a failing callback is attached to {@code failure} (or becomes the error to throw).
     */
    private static Throwable rolledBack(List<Runnable> callbacks, Throwable failure) {
        Throwable first = failure;
        for (int i = callbacks.size() - 1; i >= 0; i--) {
            try {
                callbacks.get(i).run();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        callbacks.clear();
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
        }
    }

    /** Registers {@code callback} to run after the outermost commit; runs it now outside a transaction. */
    void onCommit(Runnable callback) {
        Tx tx = current.get();
        if (tx == null) {
            callback.run();
        } else {
            tx.onCommit.add(callback);
        }
    }

    /** Opens a transaction on this thread that only closing the handle ends, by rolling back (test harnesses). */
    Database.Rollback beginRollbackOnly() {
        if (current.get() != null) {
            throw new QuarryException("A transaction is already open on this thread; a test transaction must be the outermost one");
        }
        Tx tx = open();
        return () -> {
            RuntimeException failure = end(tx, false, null);
            if (failure != null) {
                throw failure;
            }
        };
    }
}
