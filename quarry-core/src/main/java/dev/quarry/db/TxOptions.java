package dev.quarry.db;

import java.util.List;

/**
 * What an atomic block asks of its transaction. The outermost block applies the isolation level and
 * read-only mode when it begins; a nested block may only ask for what is in force.
 *
 * @param isolation a JDBC {@code Connection.TRANSACTION_*} level, or {@link #DEFAULT_ISOLATION}
 * @param isolationName the level's name for messages ({@code SERIALIZABLE}), or {@code null}
 * @param readOnly whether writes are refused
 * @param durable whether the block must be the outermost one
 * @param sessionSetup statements the outermost block runs on its connection before the transaction begins
 *     (migrations: SQLite's {@code PRAGMA foreign_keys = OFF}, PostgreSQL's advisory lock)
 * @param sessionTeardown statements it runs on that connection after the transaction ended, committed or not
 */
public record TxOptions(int isolation, String isolationName, boolean readOnly, boolean durable,
                        List<String> sessionSetup, List<String> sessionTeardown) {
    /** No level asked for: the database's default. */
    public static final int DEFAULT_ISOLATION = -1;

    /** A plain block: default isolation, read-write, nestable. */
    public static final TxOptions PLAIN = new TxOptions(DEFAULT_ISOLATION, null, false, false);

    /** Copies the statement lists. */
    public TxOptions {
        sessionSetup = List.copyOf(sessionSetup);
        sessionTeardown = List.copyOf(sessionTeardown);
    }

    /** Options without session statements. */
    public TxOptions(int isolation, String isolationName, boolean readOnly, boolean durable) {
        this(isolation, isolationName, readOnly, durable, List.of(), List.of());
    }

    /** A durable block (the outermost one) whose connection runs {@code setup} before it begins and {@code teardown} after it ends. */
    public static TxOptions session(List<String> setup, List<String> teardown) {
        return new TxOptions(DEFAULT_ISOLATION, null, false, true, setup, teardown);
    }

    /** Whether a level was asked for. */
    public boolean hasIsolation() {
        return isolation != DEFAULT_ISOLATION;
    }
}
