package dev.quarry.db;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.HashSet;
import java.util.Set;

/**
 * A set of objects compared by identity and held weakly: an object the rest of the program drops
 * leaves the set by itself. For connections, whose {@code equals}/{@code hashCode} a pool's closed
 * proxy may refuse to answer. Thread-safe.
 */
final class WeakIdentitySet<T> {
    private static final class Key<T> extends WeakReference<T> {
        private final int hash;

        Key(T referent, ReferenceQueue<T> queue) {
            super(referent, queue);
            this.hash = System.identityHashCode(referent);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            if (!(o instanceof Key<?> k) || k.hash != hash) {
                return false;
            }
            Object mine = get();
            return mine != null && mine == k.get();
        }
    }

    private final Set<Key<T>> keys = new HashSet<>();
    private final ReferenceQueue<T> queue = new ReferenceQueue<>();

    /** Adds {@code o}; returns whether it was absent. */
    synchronized boolean add(T o) {
        expunge();
        return keys.add(new Key<>(o, queue));
    }

    /** Whether {@code o} is in the set. */
    synchronized boolean contains(T o) {
        expunge();
        return keys.contains(new Key<>(o, null));
    }

    /** Removes {@code o}. */
    synchronized void remove(T o) {
        keys.remove(new Key<>(o, null));
    }

    /** How many live objects the set holds. */
    synchronized int size() {
        expunge();
        return keys.size();
    }

    private void expunge() {
        for (Object k; (k = queue.poll()) != null; ) {
            keys.remove(k);
        }
    }
}
