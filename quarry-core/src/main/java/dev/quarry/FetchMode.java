package dev.quarry;

/** What happens when code touches a relation that was not loaded with the object. */
public enum FetchMode {
    /** Load it on first access, one query per object (Django's behaviour). */
    LAZY,
    /** Load it for every object of the same result at once: one IN query instead of N. */
    PEERS,
    /** Throw, naming the relation and the {@code selectRelated}/{@code prefetchRelated} that would load it. */
    RAISE
}
