package dev.quarry.transactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.DatabaseError;
import dev.quarry.DoesNotExist;
import dev.quarry.ExecutedQuery;
import dev.quarry.FieldError;
import dev.quarry.QueryError;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code saveOnly(fields...)} (Django's {@code save(update_fields=[...])}) and
 * {@code refreshFromDb()}; Django's behaviour is printed by django_facts.py.
 */
@QuarryTest(models = {Counter.class, Shelf.class, Label.class})
class SaveOnlyAndRefreshTest {

    @Test
    void saveOnlyWritesTheListedColumnsAndNothingElse(Queries queries) {
        Counter c = Counter.of("a", 1);
        c.qty = 2;
        c.note = "changed in memory only";
        List<ExecutedQuery> seen = queries.assertNumQueries(1, () -> c.saveOnly("qty"));
        assertThat(seen.get(0).sql()).startsWith("UPDATE").contains("qty").doesNotContain("note").doesNotContain("name");
        Counter fresh = Counter.objects.get("pk", c.id);
        assertThat(fresh.qty).isEqualTo(2);
        assertThat(fresh.note).isEmpty();
        // Snake_case names and repeated names are accepted.
        c.saveOnly("note", "qty", "note");
        assertThat(Counter.objects.get("pk", c.id).note).isEqualTo("changed in memory only");
    }

    @Test
    void autoNowFieldsAreSetOnlyWhenListed() {
        Counter c = Counter.of("a", 1);
        Instant created = Counter.objects.get("pk", c.id).touched;
        c.touched = null;
        c.qty = 5;
        c.saveOnly("qty");
        assertThat(c.touched).isNull();
        assertThat(Counter.objects.get("pk", c.id).touched).isEqualTo(created);
        c.saveOnly("qty", "touched");
        assertThat(c.touched).isNotNull();
        assertThat(Counter.objects.get("pk", c.id).touched).isEqualTo(c.touched);
    }

    @Test
    void saveOnlyNeverInsertsAndRefusesWhatDjangoRefuses(Queries queries) {
        // Django: DatabaseError "Save with update_fields did not affect any rows."
        Counter ghost = new Counter();
        ghost.id = 999_999L;
        ghost.name = "ghost";
        assertThatThrownBy(() -> ghost.saveOnly("qty")).isInstanceOf(DatabaseError.class)
                .hasMessageContaining("did not affect any rows");
        assertThat(Counter.objects.exists()).isFalse();
        Counter c = Counter.of("a", 1);
        Counter unsaved = new Counter();
        queries.assertNumQueries(0, () -> {
            assertThatThrownBy(() -> unsaved.saveOnly("qty")).isInstanceOf(QueryError.class).hasMessageContaining("save() it first");
            assertThatThrownBy(() -> c.saveOnly("nope")).isInstanceOf(FieldError.class).hasMessageContaining("Choices are");
            assertThatThrownBy(() -> c.saveOnly("labels")).isInstanceOf(FieldError.class).hasMessageContaining("many-to-many");
            assertThatThrownBy(() -> c.saveOnly("id")).isInstanceOf(FieldError.class).hasMessageContaining("primary key");
        });
    }

    @Test
    void refreshFromDbReloadsEveryFieldAndForgetsPrefetchedRelations(Queries queries) {
        Shelf shelf = Shelf.of("s");
        Counter c = shelf.related("counters", Counter.class).create(x -> x.name = "a");
        Shelf loaded = Shelf.objects.prefetchRelated("counters").get("pk", shelf.id);
        queries.assertNumQueries(0, () -> assertThat(loaded.related("counters", Counter.class).list()).hasSize(1));
        shelf.related("counters", Counter.class).create(x -> x.name = "b");
        Shelf.objects.filter("pk", shelf.id).update("name", "renamed");
        queries.assertNumQueries(1, loaded::refreshFromDb);
        assertThat(loaded.name).isEqualTo("renamed");
        // Django: after refresh_from_db() the prefetched relation queries again (django_facts.py: 1 query).
        List<Counter> now = queries.assertNumQueries(1, () -> loaded.related("counters", Counter.class).list());
        assertThat(now).hasSize(2);
        assertThat(c.isPersisted()).isTrue();
    }

    @Test
    void refreshFromDbDropsALoadedTargetWhoseKeyChangedAndKeepsOneThatDidNot(Queries queries) {
        Shelf s1 = Shelf.of("s1");
        Shelf s2 = Shelf.of("s2");
        Counter c = Counter.of("a", 1);
        c.shelf.set(s1);
        c.save();
        Counter loaded = Counter.objects.selectRelated("shelf").get("pk", c.id);
        loaded.refreshFromDb();
        queries.assertNumQueries(0, () -> assertThat(loaded.shelf.get().name).isEqualTo("s1"));
        Counter.objects.filter("pk", c.id).update("shelf", s2.id);
        loaded.refreshFromDb();
        assertThat(loaded.shelf.id()).isEqualTo(s2.id);
        assertThat(queries.assertNumQueries(1, () -> loaded.shelf.get()).name).isEqualTo("s2");
    }

    @Test
    void refreshFromDbOfADeletedRowOrAnUnsavedInstanceFails() {
        Counter c = Counter.of("a", 1);
        Counter.objects.filter("pk", c.id).delete();
        assertThatThrownBy(c::refreshFromDb).isInstanceOf(DoesNotExist.class);
        assertThatThrownBy(() -> new Counter().refreshFromDb()).isInstanceOf(QueryError.class).hasMessageContaining("never saved");
    }
}
