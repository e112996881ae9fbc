package dev.quarry;

/** Told of every statement a {@link Quarry} runs (tests count queries with it). */
@FunctionalInterface
public interface QueryListener {
    void onQuery(ExecutedQuery query);
}
