package dev.quarry.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.Manager;
import dev.quarry.test.TestDatabases;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An open stream does not stop writers: the loop Django users write with {@code iterator()} (read a
 * row, save something) works, and another thread's writes go through while a stream is open.
 */
class StreamWhileWritingTest {

    @ParameterizedTest
    @MethodSource("dev.quarry.reliability.Fixture#backends")
    void writesWhileAStreamIsOpen(TestDatabases.Target target) throws Exception {
        for (boolean pooled : new boolean[] {true, false}) {
            try (Fixture f = pooled ? Fixture.pooled(target, 4) : Fixture.direct(target)) {
                Manager<Item> items = Item.objects.using(f.quarry);
                for (int i = 0; i < 5; i++) {
                    items.create(Map.of("name", "r" + i, "qty", i));
                }
                try (Stream<Item> s = items.orderBy("qty").stream()) {
                    Iterator<Item> rows = s.iterator();
                    Item first = rows.next();
                    // the same thread writes while reading
                    Note.objects.using(f.quarry).create(Map.of("item", first, "text", "seen"));
                    // another thread writes, in a transaction
                    CompletableFuture.runAsync(() -> f.quarry.atomic().run(
                            () -> items.create(Map.of("name", "other", "qty", 99)))).get(20, TimeUnit.SECONDS);
                    int read = 1;
                    while (rows.hasNext()) {
                        rows.next();
                        read++;
                    }
                    assertThat(read).isEqualTo(5);
                }
                assertThat(Note.objects.using(f.quarry).count()).isEqualTo(1);
                assertThat(items.count()).isEqualTo(6);
            }
        }
    }
}
