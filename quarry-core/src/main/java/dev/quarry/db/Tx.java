package dev.quarry.db;

import java.util.ArrayList;
import java.util.List;

/** One thread's open transaction. */
final class Tx {
    final Lease lease;
    final boolean autoCommitBefore;
    final TxOptions options;
    final boolean harness;
    /** Whether the transaction is an external one that Quarry joined (it never ends it). */
    final boolean joined;
    final List<Runnable> onCommit = new ArrayList<>();
    final List<Runnable> onRollback = new ArrayList<>();
    int depth;
    /** The depth of the block a failed statement marked, or -1. */
    int failedDepth = -1;
    RuntimeException failure;
    boolean modeUndone;

    Tx(Lease lease, boolean autoCommitBefore, TxOptions options, boolean harness, boolean joined) {
        this.lease = lease;
        this.autoCommitBefore = autoCommitBefore;
        this.options = options;
        this.harness = harness;
        this.joined = joined;
    }
}
