package dev.quarry.semantics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ExecutedQuery;
import dev.quarry.FieldError;
import dev.quarry.IntegrityError;
import dev.quarry.Quarry;
import dev.quarry.ValidationError;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** save/create/bulkCreate, deletion with on-delete rules and counts per model, validation. */
@QuarryTest(models = {Writer.class, Novel.class, Critique.class, Label.class, Prize.class})
class WritesAndDeletionTest {

    @Test
    void saveInsertsThenUpdates(Queries queries) {
        Writer w = new Writer();
        w.name = "Eve";
        List<ExecutedQuery> insert = queries.assertNumQueries(1, w::save);
        assertThat(insert.get(0).sql()).startsWith("INSERT");
        assertThat(w.id).isNotNull();
        w.born = 1990;
        List<ExecutedQuery> update = queries.assertNumQueries(1, w::save);
        assertThat(update.get(0).sql()).startsWith("UPDATE");
        assertThat(Writer.objects.get("pk", w.id).born).isEqualTo(1990);
    }

    @Test
    void createAcceptsJavaAndSnakeNamesAndRejectsUnknownOnes() {
        Writer w = Writer.of("Eve");
        Novel n = Novel.objects.create(Map.of("title", "T", "writer", w, "published", "2020-02-02"));
        assertThat(Novel.objects.get("writer_id", w.id)).isEqualTo(n);
        assertThatThrownBy(() -> Writer.objects.create(Map.of("nmae", "x"))).isInstanceOf(FieldError.class)
                .hasMessageContaining("nmae").hasMessageContaining("name").hasMessageContaining("born");
    }

    @Test
    void bulkCreateInsertsInBatchesAndSetsKeys(Queries queries) {
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            Label l = new Label();
            l.name = "label-" + i;
            labels.add(l);
        }
        List<ExecutedQuery> run = queries.captured(() -> Label.objects.bulkCreate(labels, 100));
        assertThat(run.stream().filter(q -> q.sql().startsWith("INSERT"))).hasSize(3);
        assertThat(labels).extracting(l -> l.id).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(Label.objects.count()).isEqualTo(250);
    }

    @Test
    void savingAnObjectThatRefersToAnUnsavedOneFails() {
        Writer unsaved = new Writer();
        unsaved.name = "Ghost";
        Novel n = new Novel();
        n.title = "Orphan";
        n.writer.set(unsaved);
        assertThatThrownBy(n::save).isInstanceOf(dev.quarry.InvalidValueError.class).hasMessageContaining("unsaved Writer");
    }

    @Test
    void uniqueViolationIsAnIntegrityError(Quarry quarry) {
        Label.of("fantasy");
        assertThatThrownBy(() -> quarry.atomic().run(() -> Label.of("fantasy"))).isInstanceOf(IntegrityError.class);
        assertThat(Label.objects.count()).isEqualTo(1);
    }

    @Test
    void deleteCascadesAndCountsRowsPerModel() {
        Library lib = new Library();
        Map<String, Integer> counts = lib.ann.delete();
        assertThat(counts).isEqualTo(Map.of("Writer", 1, "Novel", 2, "Critique", 3, "Novel_labels", 2));
        assertThat(lib.ann.id).isNull();
        assertThat(Novel.objects.count()).isEqualTo(2);
        assertThat(Critique.objects.count()).isEqualTo(1);
    }

    @Test
    void deleteSetsNullableKeysToNull() {
        Library lib = new Library();
        // Bob edits Beta (SET_NULL) and wrote Gamma (CASCADE).
        assertThat(lib.bob.delete()).isEqualTo(Map.of("Writer", 1, "Novel", 1, "Critique", 1, "Novel_labels", 2));
        Novel beta = Novel.objects.get("title", "Beta");
        assertThat(beta.editor.id()).isNull();
        assertThat(beta.editor.get()).isNull();
    }

    @Test
    void protectRefusesTheWholeCascadeAndDeletesNothing() {
        Library lib = new Library();
        Prize.objects.create(Map.of("name", "Hugo", "novel", lib.beta));
        // Deleting Ann would cascade to Beta, which a PROTECT key refers to: nothing is deleted.
        assertThatThrownBy(lib.ann::delete).isInstanceOf(dev.quarry.ProtectedError.class)
                .hasMessageContaining("Prize.novel").hasMessageContaining("Novel");
        assertThat(Writer.objects.count()).isEqualTo(4);
        assertThat(Novel.objects.count()).isEqualTo(4);
        assertThat(Critique.objects.count()).isEqualTo(4);
        assertThat(lib.cat.delete()).isEqualTo(Map.of("Writer", 1, "Novel", 1));
    }

    @Test
    void querySetDeleteFollowsTheSameRules() {
        new Library();
        assertThat(Novel.objects.filter("writer__name", "Ann").delete())
                .isEqualTo(Map.of("Novel", 2, "Critique", 3, "Novel_labels", 2));
        // Nothing refers to critiques: one DELETE statement.
        assertThat(Critique.objects.filter("stars", 5).delete()).isEqualTo(Map.of("Critique", 1));
    }

    @Test
    void fullCleanReportsEveryInvalidField() {
        Critique c = new Critique();
        c.critic = "x".repeat(51);
        c.stars = -1;
        assertThatThrownBy(c::fullClean).isInstanceOfSatisfying(ValidationError.class, e -> {
            assertThat(e.fieldErrors()).containsOnlyKeys("novel", "critic", "stars");
            assertThat(e.fieldErrors().get("critic").get(0)).contains("at most 50 characters (it has 51)");
            assertThat(e.fieldErrors().get("stars").get(0)).contains("greater than or equal to 0");
        });
        Writer w = new Writer();
        w.name = "";
        assertThatThrownBy(w::fullClean).isInstanceOfSatisfying(ValidationError.class,
                e -> assertThat(e.fieldErrors()).containsOnlyKeys("name"));
        w.name = "ok";
        w.fullClean();
    }

    @Test
    void relatedManagersWriteBothWays() {
        Library lib = new Library();
        Novel created = lib.dan.related("novels", Novel.class).create(Map.of("title", "Epsilon"));
        assertThat(created.writer.id()).isEqualTo(lib.dan.id);
        lib.delta.labels.add(lib.fantasy, lib.fantasy);
        assertThat(lib.fantasy.related("novels", Novel.class).all().orderBy("title").list()).containsExactly(lib.alpha, lib.delta, lib.gamma);
        lib.fantasy.related("novels", Novel.class).remove(lib.alpha);
        assertThat(lib.alpha.labels.count()).isZero();
        lib.gamma.labels.set(List.of(lib.fantasy));
        assertThat(lib.gamma.labels.all().list()).containsExactly(lib.fantasy);
        lib.scifi.related("novels", Novel.class).clear();
        assertThat(lib.beta.labels.count()).isZero();
        assertThatThrownBy(() -> lib.ann.related("novels").clear()).isInstanceOf(dev.quarry.QueryError.class)
                .hasMessageContaining("Novel.writer");
        lib.bob.related("edited").clear();
        assertThat(Novel.objects.get("title", "Beta").editor.id()).isNull();
    }
}
