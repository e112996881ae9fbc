package dev.quarry.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.ExecutedQuery;
import dev.quarry.Quarry;
import dev.quarry.QueryListener;
import dev.quarry.test.QuarryTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A query listener is told how long each statement took: Quarry reads the clock around a statement
 * only while a listener or the {@code quarry.sql} DEBUG log wants it, and a listener added later gets
 * the durations of every statement from then on (reads, writes, streams, transaction statements).
 */
@QuarryTest(models = {Author.class, Book.class})
class QueryDurationsTest {

    @Test
    void aListenerIsToldTheDurationOfEveryKindOfStatement(Quarry quarry) {
        Author ann = Author.objects.create(Map.of("name", "ann"));
        List<ExecutedQuery> told = new CopyOnWriteArrayList<>();
        QueryListener listener = told::add;
        quarry.addQueryListener(listener);
        try {
            assertThat(Author.objects.get("pk", ann.id).name).isEqualTo("ann");
            Author.objects.create(Map.of("name", "bob"));
            try (var names = Author.objects.orderBy("name").stream()) {
                assertThat(names.map(a -> a.name).toList()).containsExactly("ann", "bob");
            }
            quarry.atomic().run(() -> Author.objects.filter("name", "bob").update(Map.of("name", "cat")));
        } finally {
            quarry.removeQueryListener(listener);
        }
        assertThat(told).hasSizeGreaterThanOrEqualTo(4);
        assertThat(told).allSatisfy(q -> assertThat(q.nanos()).as(q.sql()).isPositive());
        int before = told.size();
        Author.objects.get("pk", ann.id);
        assertThat(told).hasSize(before);
    }
}
