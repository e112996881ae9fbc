package dev.quarry.internal;

import java.util.HashMap;

/**
 * A map from primary-key values to non-null values that keeps whole-number keys ({@code Long},
 * {@code Integer}, {@code Short}, {@code Byte}) in a {@link LongMap}, so they are neither boxed
 * again nor hashed as objects, and the same number compares equal whatever its Java width; other
 * keys (UUIDs, text) go to a {@code HashMap}. No removal. Used by one thread.
 *
 * @param <V> the values
 */
public final class KeyMap<V> {
    private final LongMap<V> numbers;
    private HashMap<Object, V> others;

    /** An empty map sized for about {@code expected} keys. */
    public KeyMap(int expected) {
        numbers = new LongMap<>(expected);
    }

    private static boolean whole(Object key) {
        return key instanceof Long || key instanceof Integer || key instanceof Short || key instanceof Byte;
    }

    /** The value for {@code key}, or {@code null} (also for a {@code null} key). */
    public V get(Object key) {
        if (whole(key)) {
            return numbers.get(((Number) key).longValue());
        }
        return others == null || key == null ? null : others.get(key);
    }

    /** The value for the whole-number key {@code key}, or {@code null}; nothing is boxed. */
    public V get(long key) {
        return numbers.get(key);
    }

    /** Stores {@code value} (not {@code null}) under {@code key} (not {@code null}). */
    public void put(Object key, V value) {
        if (whole(key)) {
            numbers.put(((Number) key).longValue(), value);
            return;
        }
        Checks.notNull(key, "key");
        Checks.notNull(value, "value");
        if (others == null) {
            others = new HashMap<>();
        }
        others.put(key, value);
    }

    /** The number of keys. */
    public int size() {
        return numbers.size() + (others == null ? 0 : others.size());
    }

    @Override
    public String toString() {
        return "KeyMap(" + size() + " keys)";
    }
}
