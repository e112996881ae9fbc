package dev.quarry.load;

import dev.quarry.FetchMode;
import java.util.ArrayList;
import java.util.List;

/**
 * What instances loaded by one query share: the session they came from, the fetch mode, and the
 * peers (the whole result) that {@code PEERS} loads a relation for at once. Written only by the
 * thread that loads the result, before the instances are handed out.
 */
public final class LoadContext {
    private final Session session;
    private final FetchMode mode;
    private List<?> peers = List.of();
    private List<LoadContext> related;

    /** A context for one result loaded through {@code session} with fetch mode {@code mode}. */
    public LoadContext(Session session, FetchMode mode) {
        this.session = session;
        this.mode = mode;
    }

    /** The session the instances were loaded through. */
    public Session session() {
        return session;
    }

    /** What touching an unloaded relation does. */
    public FetchMode mode() {
        return mode;
    }

    /** Every instance of the same result. */
    public List<?> peers() {
        return peers;
    }

    void setPeers(List<?> peers) {
        this.peers = peers;
    }

    /**
     * The context of the instances that select-related block {@code index} loads alongside this
     * result: the same session and mode, with those instances (not this result's) as its peers.
     */
    LoadContext related(int index) {
        if (related == null) {
            related = new ArrayList<>();
        }
        while (related.size() <= index) {
            related.add(new LoadContext(session, mode));
        }
        return related.get(index);
    }
}
