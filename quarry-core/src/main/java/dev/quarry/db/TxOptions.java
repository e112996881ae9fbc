package dev.quarry.db;

/**
 * What an atomic block asks of its transaction. The outermost block applies the isolation level and
 * read-only mode when it begins; a nested block may only ask for what is already in force.
 *
 * @param isolation a JDBC {@code Connection.TRANSACTION_*} level, or {@link #DEFAULT_ISOLATION}
 * @param isolationName the level's name for messages ({@code SERIALIZABLE}), or {@code null}
 * @param readOnly whether writes are refused
 * @param durable whether the block must be the outermost one
 */
public record TxOptions(int isolation, String isolationName, boolean readOnly, boolean durable) {
    /** No level asked for: the database's default. */
    public static final int DEFAULT_ISOLATION = -1;

    /** A plain block: default isolation, read-write, nestable. */
    public static final TxOptions PLAIN = new TxOptions(DEFAULT_ISOLATION, null, false, false);

    /** Whether a level was asked for. */
    public boolean hasIsolation() {
        return isolation != DEFAULT_ISOLATION;
    }
}
