package dev.quarry.load;

import dev.quarry.FetchMode;
import java.util.List;

/**
 * What instances loaded by one query share: the fetch mode, and the peers (the whole result) that
 * {@code PEERS} loads a relation for at once.
 */
public final class LoadContext {
    private final FetchMode mode;
    private List<?> peers = List.of();

    public LoadContext(FetchMode mode) {
        this.mode = mode;
    }

    public FetchMode mode() {
        return mode;
    }

    public List<?> peers() {
        return peers;
    }

    void setPeers(List<?> peers) {
        this.peers = peers;
    }
}
