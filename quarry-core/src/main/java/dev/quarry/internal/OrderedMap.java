package dev.quarry.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An immutable map that keeps the order its entries were added in, for the few entries of a
 * query's annotations: two arrays, searched in order up to {@value #SCAN} entries and through a
 * hash index beyond. Adding an entry ({@link #with}) copies the arrays, which costs less than a
 * {@code LinkedHashMap} and its wrapper for a handful of entries. No null keys or values; safe to
 * share between threads (every field is final).
 */
public final class OrderedMap<K, V> extends AbstractMap<K, V> {
    /** The most entries searched in order; a larger map also has a hash index. */
    static final int SCAN = 8;

    private static final OrderedMap<Object, Object> EMPTY = new OrderedMap<>(new Object[0], new Object[0]);

    private final Object[] keys;
    private final Object[] values;
    /** Each key's position, for a map of more than {@value #SCAN} entries; {@code null} otherwise. */
    private final Map<Object, Integer> index;

    private OrderedMap(Object[] keys, Object[] values) {
        this.keys = keys;
        this.values = values;
        if (keys.length > SCAN) {
            Map<Object, Integer> at = new HashMap<>(keys.length * 2);
            for (int i = 0; i < keys.length; i++) {
                at.put(keys[i], i);
            }
            index = at;
        } else {
            index = null;
        }
    }

    /** The empty map. */
    @SuppressWarnings("unchecked")
    public static <K, V> OrderedMap<K, V> of() {
        return (OrderedMap<K, V>) EMPTY;
    }

    /** {@code map}'s entries in its iteration order: the map itself when it is an OrderedMap already. */
    @SuppressWarnings("unchecked")
    public static <K, V> OrderedMap<K, V> copyOf(Map<? extends K, ? extends V> map) {
        if (map instanceof OrderedMap<?, ?> o) {
            return (OrderedMap<K, V>) o;
        }
        if (map.isEmpty()) {
            return of();
        }
        Object[] k = new Object[map.size()];
        Object[] v = new Object[k.length];
        int i = 0;
        for (Map.Entry<? extends K, ? extends V> e : map.entrySet()) {
            k[i] = Objects.requireNonNull(e.getKey(), "key");
            v[i++] = Objects.requireNonNull(e.getValue(), "value");
        }
        return new OrderedMap<>(k, v);
    }

    /** This map with {@code value} under {@code key}: in the key's place when it is there, else added last. */
    public OrderedMap<K, V> with(K key, V value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        int at = indexOf(key);
        if (at >= 0) {
            Object[] v = values.clone();
            v[at] = value;
            return new OrderedMap<>(keys, v);
        }
        Object[] k = java.util.Arrays.copyOf(keys, keys.length + 1);
        Object[] v = java.util.Arrays.copyOf(values, values.length + 1);
        k[keys.length] = key;
        v[values.length] = value;
        return new OrderedMap<>(k, v);
    }

    private int indexOf(Object key) {
        if (index != null) {
            Integer at = index.get(key);
            return at == null ? -1 : at;
        }
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == key || keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** The value under {@code key}, or {@code null}. */
    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        if (key == null) {
            return null;
        }
        int at = indexOf(key);
        return at < 0 ? null : (V) values[at];
    }

    /** Whether {@code key} has a value. */
    @Override
    public boolean containsKey(Object key) {
        return key != null && indexOf(key) >= 0;
    }

    /** How many entries there are. */
    @Override
    public int size() {
        return keys.length;
    }

    /** Whether there is no entry. */
    @Override
    public boolean isEmpty() {
        return keys.length == 0;
    }

    /** Calls {@code action} with each entry in order. */
    @Override
    @SuppressWarnings("unchecked")
    public void forEach(BiConsumer<? super K, ? super V> action) {
        for (int i = 0; i < keys.length; i++) {
            action.accept((K) keys[i], (V) values[i]);
        }
    }

    /** The keys in order, unmodifiable. */
    @Override
    public Set<K> keySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<K> iterator() {
                return new ArrayIterator<>(keys);
            }

            @Override
            public boolean contains(Object o) {
                return containsKey(o);
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }

    /** The values in order, unmodifiable. */
    @Override
    public java.util.Collection<V> values() {
        return new java.util.AbstractCollection<>() {
            @Override
            public Iterator<V> iterator() {
                return new ArrayIterator<>(values);
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }

    /** An iterator over an array, without remove. */
    private static final class ArrayIterator<T> implements Iterator<T> {
        private final Object[] items;
        private int next;

        ArrayIterator(Object[] items) {
            this.items = items;
        }

        @Override
        public boolean hasNext() {
            return next < items.length;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T next() {
            if (next >= items.length) {
                throw new NoSuchElementException();
            }
            return (T) items[next++];
        }
    }

    /** The entries in order, unmodifiable. */
    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<K, V>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    @SuppressWarnings("unchecked")
                    public Map.Entry<K, V> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>((K) keys[i], (V) values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }
}
