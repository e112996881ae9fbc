package dev.quarry.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.model.Registry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link Registry#derived}: what the query builder works out from the models alone (parsed lookup
 * paths, ordering terms, column and join text) is computed once per registry and shared, within a
 * bound per kind of key, so that keys made from data (a sort order taken from each request, most of
 * them refused) fill only their own kind and never push out the others.
 */
class DerivedValuesTest {
    /** A kind of key flooded by values from data, as ordering terms from requests would be. */
    private record FromRequest(int n) {}

    /** Another kind of key, as a parsed lookup path is. */
    private record Path(String path) {}

    private static Registry registry() {
        return Registry.of(List.of(Member.class));
    }

    @Test
    void aValueIsComputedOnceAndShared() {
        Registry r = registry();
        AtomicInteger computed = new AtomicInteger();
        Object first = r.derived(new Path("name"), k -> List.of(k.path(), computed.incrementAndGet()));
        Object again = r.derived(new Path("name"), k -> List.of(k.path(), computed.incrementAndGet()));
        assertThat(again).isSameAs(first);
        assertThat(computed).hasValue(1);
    }

    @Test
    void aComputationThatThrowsKeepsNothingAndThrowsAgain() {
        Registry r = registry();
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> r.derived(new Path("nmae"), k -> {
                throw new IllegalArgumentException("no field " + k.path());
            })).hasMessage("no field nmae");
        }
        assertThat(r.<Path, String>derived(new Path("nmae"), Path::path)).isEqualTo("nmae");
    }

    @Test
    void aKindFilledToItsBoundLeavesTheOtherKindsTheirRoom() {
        Registry r = registry();
        AtomicInteger flooded = new AtomicInteger();
        for (int i = 0; i < Registry.DERIVED_CAPACITY + 100; i++) {
            r.derived(new FromRequest(i), k -> flooded.incrementAndGet());
        }
        assertThat(flooded).hasValue(Registry.DERIVED_CAPACITY + 100);

        // Past the bound its own kind is computed each time, while a key kept before the bound is not.
        r.derived(new FromRequest(Registry.DERIVED_CAPACITY + 1), k -> flooded.incrementAndGet());
        r.derived(new FromRequest(7), k -> flooded.incrementAndGet());
        assertThat(flooded).hasValue(Registry.DERIVED_CAPACITY + 101);

        // Another kind is still computed once (with one bound for all kinds it was computed every time).
        AtomicInteger paths = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            r.derived(new Path("author__name"), k -> paths.incrementAndGet());
        }
        assertThat(paths).hasValue(1);
    }

    /** {@code value}, after a pause long enough that every thread started together is computing it. */
    private static Object slowly(Object value) {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return value;
    }

    @Test
    void sixteenThreadsComputingOneKeyAtOnceAllGetTheValueKept() throws Exception {
        for (int round = 0; round < 5; round++) {
            Registry r = registry();
            CyclicBarrier together = new CyclicBarrier(16);
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                List<Future<Object>> got = new ArrayList<>();
                for (int t = 0; t < 16; t++) {
                    got.add(pool.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        return r.derived(new Path("books__title"), k -> slowly(new Object()));
                    }));
                }
                Set<Object> distinct = ConcurrentHashMap.newKeySet();
                for (Future<Object> f : got) {
                    distinct.add(f.get(10, TimeUnit.SECONDS));
                }
                Object kept = r.derived(new Path("books__title"), k -> new Object());
                assertThat(distinct).containsExactly(kept);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void sixteenThreadsFloodingOneKindKeepNoMoreThanItsBound() throws Exception {
        Registry r = registry();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 600; i++) {
                        r.derived(new FromRequest(thread * 1000 + i), k -> k.n());
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        // 9,600 different keys were asked for: exactly the bound's worth of them is kept, computed once.
        AtomicInteger again = new AtomicInteger();
        for (int thread = 0; thread < 16; thread++) {
            for (int i = 0; i < 600; i++) {
                r.derived(new FromRequest(thread * 1000 + i), k -> again.incrementAndGet());
            }
        }
        assertThat(again).hasValue(16 * 600 - Registry.DERIVED_CAPACITY);
    }
}
