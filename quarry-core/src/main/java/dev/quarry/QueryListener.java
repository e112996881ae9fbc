package dev.quarry;

/** Told of every statement a {@link Quarry} runs (tests count queries with it). */
@FunctionalInterface
public interface QueryListener {
    /** Called after each statement, on the thread that ran it. */
    void onQuery(ExecutedQuery query);
}
