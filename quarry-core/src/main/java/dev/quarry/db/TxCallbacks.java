package dev.quarry.db;

import java.util.List;

/** Running a transaction's {@code onCommit} and {@code onRollback} callbacks: every one runs, the first failure wins. */
final class TxCallbacks {
    private TxCallbacks() {}

    /**
     * Runs every callback, even when one throws; the data is committed whatever they do, so the
     * first exception is thrown afterwards with the others attached as suppressed.
     */
    static void runAll(List<Runnable> callbacks) {
        RuntimeException first = null;
        for (Runnable r : callbacks) {
            try {
                r.run();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /**
     * Runs the {@code onRollback} callbacks of a block that rolled back, last registered first, and
     * forgets them; a failing callback is attached to {@code failure} (or becomes the error to throw).
     */
    static Throwable rolledBack(List<Runnable> callbacks, Throwable failure) {
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
}
