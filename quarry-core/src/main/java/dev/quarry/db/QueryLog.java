package dev.quarry.db;

import dev.quarry.ExecutedQuery;
import dev.quarry.QueryListener;
import dev.quarry.spi.Operations;
import dev.quarry.sql.CompiledSql;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every statement is reported: {@code quarry.sql} at DEBUG with its placeholders and time,
 * its values only to {@code quarry.sql.params} at TRACE (STYLE rule 12), and the in-process
 * {@link QueryListener}s (which get the values: they are opt-in code, not logs). Thread-safe: the
 * listener list is copy-on-write.
 */
final class QueryLog {
    private static final Logger LOG = LoggerFactory.getLogger("quarry.sql");
    private static final Logger PARAMS = LoggerFactory.getLogger("quarry.sql.params");

    private final Operations ops;
    private final List<QueryListener> listeners = new CopyOnWriteArrayList<>();

    QueryLog(Operations ops) {
        this.ops = ops;
    }

    void add(QueryListener listener) {
        listeners.add(listener);
    }

    void remove(QueryListener listener) {
        listeners.remove(listener);
    }

    /** The {@link #start()} of a statement whose duration nobody wanted when it began. */
    private static final long UNTIMED = Long.MIN_VALUE;

    /**
     * What to pass to {@link #ran} or {@link #failed} for a statement about to run: the clock when a
     * listener or the DEBUG log will want its duration, else nothing is read: on a virtual machine's
     * clock the two reads were about 2% of the profile of a get by key on SQLite (quarry-bench W8).
     * A listener added while the statement runs is told of it with a duration of 0.
     */
    long start() {
        return listeners.isEmpty() && !LOG.isDebugEnabled() ? UNTIMED : System.nanoTime();
    }

    /** Reports a statement that ran, begun at {@code start} (from {@link #start()}). */
    void ran(CompiledSql sql, long start) {
        long nanos = since(start);
        log(sql, nanos, false);
        tell(sql, nanos);
    }

    /** Reports a statement that failed: listeners are told of it too, as Django's query log counts failed queries. */
    void failed(CompiledSql sql, long start) {
        long nanos = since(start);
        log(sql, nanos, true);
        tell(sql, nanos);
    }

    private static long since(long start) {
        return start == UNTIMED ? 0 : System.nanoTime() - start;
    }

    private void tell(CompiledSql sql, long nanos) {
        if (!listeners.isEmpty()) {
            ExecutedQuery q = new ExecutedQuery(sql.sql(), new ArrayList<>(sql.params()), sql.inline(ops), nanos);
            for (QueryListener l : listeners) {
                l.onQuery(q);
            }
        }
    }

    private void log(CompiledSql sql, long nanos, boolean failed) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{}", StatementText.debugLine(sql, nanos, failed));
        }
        if (PARAMS.isTraceEnabled() && !sql.params().isEmpty()) {
            List<String> values = new ArrayList<>(sql.params().size());
            for (Object p : sql.params()) {
                values.add(ops.literal(p));
            }
            PARAMS.trace("values: {}", values);
        }
    }
}
