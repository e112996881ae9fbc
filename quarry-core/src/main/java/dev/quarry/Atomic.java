package dev.quarry;

import dev.quarry.db.TxOptions;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An atomic block on one Quarry, Django's {@code transaction.atomic}: {@link #run(Runnable)} or
 * {@link #call(Supplier)} runs code in a transaction that commits when the code returns and rolls
 * back when it throws. A block inside another is a savepoint: its failure rolls back only its own
 * work, and the outer block may go on after catching the exception outside the inner block.
 *
 * <pre>{@code
 * db.atomic().run(() -> {
 *     Account from = Account.objects.selectForUpdate().get("pk", 1);
 *     ...
 * });
 * long n = db.atomic().readOnly().call(() -> Book.objects.count());
 * }</pre>
 *
 * <p>The settings ({@link #isolation}, {@link #readOnly}, {@link #durable}) belong to the
 * outermost block, which begins the transaction; a nested block that asks for another isolation
 * level, or for read-only inside a read-write transaction, is refused with
 * {@link TransactionManagementError}. A statement that fails inside a block marks the block: the
 * next statement in it is refused, and the block rolls back when it ends (with a
 * {@code TransactionManagementError} if it ends normally), so catch database errors outside a
 * nested block. A value: each setting returns a new Atomic, and one may be kept and reused by any
 * number of threads (the transaction belongs to the thread that runs the block).
 */
public final class Atomic {
    private final Quarry db;
    private final String database;
    private final Isolation isolation;
    private final boolean readOnly;
    private final boolean durable;

    Atomic(Quarry db, String database, Isolation isolation, boolean readOnly, boolean durable) {
        this.db = db;
        this.database = database;
        this.isolation = isolation;
        this.readOnly = readOnly;
        this.durable = durable;
    }

    /** The same block, run at this isolation level (set by the outermost block only). This Atomic is not modified. */
    public Atomic isolation(Isolation level) {
        return new Atomic(db, database, Objects.requireNonNull(level, "level"), readOnly, durable);
    }

    /**
     * The same block as a read-only transaction: writes inside it are refused by the database
     * (SQLite: {@code PRAGMA query_only}). This Atomic is not modified.
     */
    public Atomic readOnly() {
        return new Atomic(db, database, isolation, true, durable);
    }

    /**
     * The same block, required to be the outermost one, so that its commit is final when it returns
     * (Django's {@code durable=True}); nested in another block it is refused. This Atomic is not modified.
     */
    public Atomic durable() {
        return new Atomic(db, database, isolation, readOnly, true);
    }

    /** Runs {@code work} in the block; commits when it returns, rolls back when it throws (and rethrows). */
    public void run(Runnable work) {
        Objects.requireNonNull(work, "work");
        call(() -> {
            work.run();
            return null;
        });
    }

    /** Runs {@code work} in the block and returns its result; commits when it returns, rolls back when it throws. */
    public <T> T call(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        db.checkOpen();
        return db.session(database).database().atomic(options(), work);
    }

    TxOptions options() {
        return new TxOptions(isolation == null ? TxOptions.DEFAULT_ISOLATION : isolation.jdbcLevel(),
                isolation == null ? null : isolation.name(), readOnly, durable);
    }

    /** The settings, for debugging. */
    @Override
    public String toString() {
        return "Atomic[" + (database.equals(Routing.DEFAULT) ? "" : "database " + database + ", ") + (isolation == null ? "default isolation" : isolation) + (readOnly ? ", read-only" : "")
                + (durable ? ", durable" : "") + "]";
    }
}
