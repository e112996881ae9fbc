package dev.quarry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * {@link OrderedMap}, the immutable map of a query's annotations: it keeps the order entries were
 * added in, replaces a value in its key's place, reads the same below and above the size where it
 * starts hashing ({@value OrderedMap#SCAN} entries), refuses changes and nulls, and is equal to any
 * map with the same entries.
 */
class OrderedMapTest {

    private static OrderedMap<String, Integer> upTo(int n) {
        OrderedMap<String, Integer> m = OrderedMap.of();
        for (int i = 0; i < n; i++) {
            m = m.with("k" + i, i);
        }
        return m;
    }

    @Test
    void entriesKeepTheOrderTheyWereAddedIn() {
        OrderedMap<String, Integer> m = OrderedMap.<String, Integer>of().with("z", 1).with("a", 2).with("m", 3);
        assertThat(m.keySet()).containsExactly("z", "a", "m");
        assertThat(m.values()).containsExactly(1, 2, 3);
        assertThat(m.entrySet()).containsExactly(Map.entry("z", 1), Map.entry("a", 2), Map.entry("m", 3));
        List<String> seen = new ArrayList<>();
        m.forEach((k, v) -> seen.add(k + "=" + v));
        assertThat(seen).containsExactly("z=1", "a=2", "m=3");
    }

    @Test
    void withLeavesTheMapItWasCalledOnUnchanged() {
        OrderedMap<String, Integer> one = OrderedMap.<String, Integer>of().with("a", 1);
        OrderedMap<String, Integer> two = one.with("b", 2);
        assertThat(one).containsExactly(Map.entry("a", 1));
        assertThat(two).containsExactly(Map.entry("a", 1), Map.entry("b", 2));
    }

    @Test
    void aKeyGivenAgainKeepsItsPlace() {
        OrderedMap<String, Integer> m = upTo(3).with("k0", 10);
        assertThat(m.keySet()).containsExactly("k0", "k1", "k2");
        assertThat(m.get("k0")).isEqualTo(10);
        OrderedMap<String, Integer> big = upTo(12).with("k5", 50);
        assertThat(big).hasSize(12);
        assertThat(big.get("k5")).isEqualTo(50);
        assertThat(new ArrayList<>(big.keySet()).indexOf("k5")).isEqualTo(5);
    }

    @Test
    void readsTheSameBelowAndAboveTheSizeWhereItHashes() {
        for (int n : new int[] {0, 1, OrderedMap.SCAN, OrderedMap.SCAN + 1, 40}) {
            OrderedMap<String, Integer> m = upTo(n);
            Map<String, Integer> expected = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                expected.put("k" + i, i);
            }
            assertThat(m).isEqualTo(expected).hasSameHashCodeAs(expected).hasSize(n);
            assertThat(new ArrayList<>(m.entrySet())).isEqualTo(new ArrayList<>(expected.entrySet()));
            for (int i = 0; i < n; i++) {
                assertThat(m.get(new String("k" + i))).isEqualTo(i); // found by equality, not identity
                assertThat(m.containsKey("k" + i)).isTrue();
            }
            assertThat(m.get("missing")).isNull();
            assertThat(m.containsKey("missing")).isFalse();
            assertThat(m.get(null)).isNull();
            assertThat(m.containsKey(null)).isFalse();
            assertThat(m.isEmpty()).isEqualTo(n == 0);
        }
    }

    @Test
    void copyOfKeepsTheIterationOrderOfTheMapCopied() {
        Map<String, Integer> linked = new LinkedHashMap<>();
        linked.put("b", 1);
        linked.put("a", 2);
        OrderedMap<String, Integer> m = OrderedMap.copyOf(linked);
        assertThat(m.keySet()).containsExactly("b", "a");
        assertThat(OrderedMap.copyOf(m)).isSameAs(m);
        assertThat(OrderedMap.copyOf(Map.of())).isSameAs(OrderedMap.of());
    }

    @Test
    void itCannotBeChanged() {
        OrderedMap<String, Integer> m = upTo(2);
        assertThatThrownBy(() -> m.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> m.remove("k0")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> m.keySet().remove("k0")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> m.values().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> m.entrySet().iterator().next().setValue(5))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(m).containsExactly(Map.entry("k0", 0), Map.entry("k1", 1));
    }

    @Test
    void nullKeysAndValuesAreRefused() {
        assertThatThrownBy(() -> OrderedMap.of().with(null, 1)).isInstanceOf(NullPointerException.class).hasMessage("key");
        assertThatThrownBy(() -> OrderedMap.of().with("a", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("value");
        Map<String, Integer> withNull = new LinkedHashMap<>();
        withNull.put("a", null);
        assertThatThrownBy(() -> OrderedMap.copyOf(withNull)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void sixteenThreadsReadOneMapAlike() throws Exception {
        OrderedMap<String, Integer> m = upTo(20);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Long>> sums = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                sums.add(pool.submit(() -> {
                    long sum = 0;
                    for (int round = 0; round < 2_000; round++) {
                        for (int i = 0; i < 20; i++) {
                            sum += m.get("k" + i);
                        }
                    }
                    return sum;
                }));
            }
            for (Future<Long> s : sums) {
                assertThat(s.get()).isEqualTo(2_000L * (19 * 20 / 2));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
