package dev.quarry.test;

import dev.quarry.ExecutedQuery;
import dev.quarry.Quarry;
import dev.quarry.QueryListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/** Counts and captures the SQL a block of code runs (Django's {@code assertNumQueries}). */
public final class Queries {
    private final Quarry quarry;
    private final String database;

    /** Counts the statements {@code quarry} runs, on all of its databases. */
    public Queries(Quarry quarry) {
        this.quarry = quarry;
        this.database = null;
    }

    /** Counts the statements {@code quarry} runs on the named one of its databases. */
    public Queries(Quarry quarry, String database) {
        this.quarry = quarry;
        this.database = java.util.Objects.requireNonNull(database, "database");
        quarry.vendor(database); // a name that is none of the Quarry's databases is refused here
    }

    /** Every statement {@code work} runs, in order. */
    public List<ExecutedQuery> captured(Runnable work) {
        List<ExecutedQuery> seen = Collections.synchronizedList(new ArrayList<>());
        QueryListener listener = seen::add;
        if (database == null) {
            quarry.addQueryListener(listener);
        } else {
            quarry.addQueryListener(database, listener);
        }
        try {
            work.run();
        } finally {
            quarry.removeQueryListener(listener);
        }
        return List.copyOf(seen);
    }

    /** Runs {@code work}, fails unless it ran exactly {@code expected} statements (listing them), and returns them. */
    public List<ExecutedQuery> assertNumQueries(int expected, Runnable work) {
        List<ExecutedQuery> seen = captured(work);
        if (seen.size() != expected) {
            StringBuilder sb = new StringBuilder().append(expected).append(expected == 1 ? " query" : " queries")
                    .append(" expected, ").append(seen.size()).append(" executed:");
            for (int i = 0; i < seen.size(); i++) {
                sb.append("\n  ").append(i + 1).append(". ").append(seen.get(i).inlined());
            }
            throw new AssertionError(sb.toString());
        }
        return seen;
    }

    /** Runs {@code work}, fails unless it ran exactly {@code expected} statements, and returns its result. */
    public <T> T assertNumQueries(int expected, Supplier<T> work) {
        List<T> result = new ArrayList<>(1);
        assertNumQueries(expected, () -> {
            result.add(work.get());
        });
        return result.get(0);
    }

    /** The same as {@link #assertNumQueries(int, Runnable)}. */
    public List<ExecutedQuery> assertCount(int expected, Runnable work) {
        return assertNumQueries(expected, work);
    }

    /** {@link #assertNumQueries(int, Runnable)} on a given Quarry. */
    public static List<ExecutedQuery> assertNumQueries(Quarry quarry, int expected, Runnable work) {
        return new Queries(quarry).assertNumQueries(expected, work);
    }
}
