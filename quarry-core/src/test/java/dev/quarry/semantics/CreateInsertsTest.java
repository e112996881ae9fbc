package dev.quarry.semantics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ExecutedQuery;
import dev.quarry.IntegrityError;
import dev.quarry.Quarry;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code create()} inserts, as Django's {@code QuerySet.create()} (which saves with {@code force_insert}):
 * an explicit key that exists fails with {@link IntegrityError} and leaves that row alone, where a plain
 * {@code save()} would try an UPDATE first and overwrite it. Django 3.2 on the same rows: create with an
 * existing id raises IntegrityError after one INSERT; create with a new id is one INSERT; save() of a new
 * instance with an explicit id is an UPDATE, then an INSERT.
 */
@QuarryTest(models = {Writer.class, Novel.class, Label.class})
class CreateInsertsTest {

    @Test
    void createWithAnExistingKeyFailsInsteadOfOverwritingThatRow(Quarry quarry, Queries queries) {
        Writer eve = Writer.of("Eve");
        List<ExecutedQuery> seen = queries.captured(() -> assertThatThrownBy(() -> quarry.atomic().run(
                () -> Writer.objects.create(w -> {
                    w.id = eve.id;
                    w.name = "Mallory";
                }))).isInstanceOf(IntegrityError.class));
        assertThat(seen).filteredOn(q -> q.sql().startsWith("UPDATE")).isEmpty();
        assertThat(seen).filteredOn(q -> q.sql().startsWith("INSERT")).hasSize(1);
        assertThat(Writer.objects.get("pk", eve.id).name).isEqualTo("Eve");
    }

    @Test
    void createWithANewKeyIsOneInsert(Queries queries) {
        List<ExecutedQuery> seen = queries.captured(() -> Writer.objects.create(w -> {
            w.id = 4242L;
            w.name = "Zed";
        }));
        // One INSERT; on PostgreSQL a SELECT setval(...) follows, moving the key sequence past the explicit key
        // (Django leaves the sequence behind, so its next create() without a key can collide).
        assertThat(writes(seen)).containsExactly("INSERT");
        assertThat(Writer.objects.get("pk", 4242L).name).isEqualTo("Zed");
    }

    @Test
    void relatedCreateInsertsToo(Quarry quarry, Queries queries) {
        Writer ann = Writer.of("Ann");
        Novel first = ann.related("novels", Novel.class).create(n -> {
            n.title = "First";
            n.published = java.time.LocalDate.of(2020, 1, 1);
        });
        List<ExecutedQuery> seen = queries.captured(() -> assertThatThrownBy(() -> quarry.atomic().run(
                () -> ann.related("novels", Novel.class).create(n -> {
                    n.id = first.id;
                    n.title = "Overwritten";
                    n.published = java.time.LocalDate.of(2021, 1, 1);
                }))).isInstanceOf(IntegrityError.class));
        assertThat(seen).filteredOn(q -> q.sql().startsWith("UPDATE")).isEmpty();
        assertThat(Novel.objects.get("pk", first.id).title).isEqualTo("First");
    }

    @Test
    void saveOfANewInstanceWithAKeyStillUpdatesThenInserts(Queries queries) {
        Writer yan = new Writer();
        yan.id = 4343L;
        yan.name = "Yan";
        List<ExecutedQuery> seen = queries.captured(yan::save);
        assertThat(writes(seen)).containsExactly("UPDATE", "INSERT");
    }

    /** The first word of each statement that writes (not the SELECT that moves PostgreSQL's sequence). */
    private static List<String> writes(List<ExecutedQuery> seen) {
        return seen.stream().map(q -> q.sql().split(" ")[0]).filter(w -> !w.equals("SELECT")).toList();
    }
}
