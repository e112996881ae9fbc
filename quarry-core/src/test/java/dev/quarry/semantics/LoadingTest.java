package dev.quarry.semantics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.FetchMode;
import dev.quarry.FieldError;
import dev.quarry.Prefetch;
import dev.quarry.QuarryException;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** selectRelated, prefetchRelated and the fetch modes: how many queries loading relations takes. */
@QuarryTest(models = {Writer.class, Novel.class, Critique.class, Label.class})
class LoadingTest {

    @Test
    void selectRelatedLoadsForwardKeysInTheSameQuery(Queries queries) {
        new Library();
        List<Novel> novels = queries.assertNumQueries(1, () -> Novel.objects.selectRelated("writer", "editor").orderBy("title").list());
        queries.assertNumQueries(0, () -> {
            assertThat(novels).extracting(n -> n.writer.get().name).containsExactly("Ann", "Ann", "Cat", "Bob");
            assertThat(novels).extracting(n -> n.editor.get() == null ? "-" : n.editor.get().name)
                    .containsExactly("-", "Bob", "-", "-");
        });
    }

    @Test
    void selectRelatedFollowsNestedKeys(Queries queries) {
        new Library();
        List<Critique> critiques = queries.assertNumQueries(1, () -> Critique.objects.selectRelated("novel__writer").orderBy("id").list());
        queries.assertNumQueries(0, () -> assertThat(critiques).extracting(c -> c.novel.get().writer.get().name)
                .containsExactly("Ann", "Ann", "Ann", "Bob"));
    }

    @Test
    void selectRelatedRejectsNamesThatAreNotForeignKeys() {
        assertThatThrownBy(() -> Novel.objects.selectRelated("labels")).isInstanceOf(FieldError.class)
                .hasMessageContaining("writer").hasMessageContaining("editor");
    }

    @Test
    void lazyLoadingRunsOneQueryPerObject(Queries queries) {
        new Library();
        queries.assertNumQueries(1 + 4, () -> {
            for (Novel n : Novel.objects.all()) {
                n.writer.get();
            }
        });
        // Ref.id() never queries.
        queries.assertNumQueries(1, () -> Novel.objects.all().list().forEach(n -> n.writer.id()));
    }

    @Test
    void prefetchRunsOneQueryPerLevel(Queries queries) {
        new Library();
        queries.assertNumQueries(3, () -> {
            for (Writer w : Writer.objects.prefetchRelated("novels__critique_set")) {
                for (Novel n : w.related("novels", Novel.class).all()) {
                    n.related("critique_set").all().list();
                    n.writer.get();
                }
            }
        });
        List<Writer> writers = Writer.objects.prefetchRelated("novels").orderBy("name").list();
        queries.assertNumQueries(0, () -> {
            assertThat(writers.get(0).related("novels").count()).isEqualTo(2);
            assertThat(writers.get(3).related("novels").all().list()).isEmpty();
        });
    }

    @Test
    void prefetchFollowsManyToManyBothWays(Queries queries) {
        new Library();
        List<Novel> novels = queries.assertNumQueries(2, () -> Novel.objects.prefetchRelated("labels").orderBy("title").list());
        queries.assertNumQueries(0, () -> assertThat(novels).extracting(n -> n.labels.all().list().size())
                .containsExactly(1, 1, 0, 2));
        List<dev.quarry.semantics.Label> labels = queries.assertNumQueries(2, () -> Label.objects.prefetchRelated("novels").orderBy("name").list());
        queries.assertNumQueries(0, () -> assertThat(labels).extracting(l -> l.related("novels").count()).containsExactly(2L, 2L));
    }

    @Test
    void prefetchWithACustomQuerySetRestrictsTheRelatedRows(Queries queries) {
        new Library();
        List<Writer> writers = queries.assertNumQueries(2, () -> Writer.objects
                .prefetchRelated(Prefetch.of("novels", Novel.objects.filter("published__year__gte", 2021)))
                .orderBy("name").list());
        assertThat(writers).extracting(w -> w.related("novels").count()).containsExactly(1L, 1L, 0L, 0L);
    }

    @Test
    void prefetchRejectsUnknownNames() {
        new Library();
        assertThatThrownBy(() -> Writer.objects.prefetchRelated("nothing").list()).isInstanceOf(FieldError.class)
                .hasMessageContaining("novels");
    }

    @Test
    void peersFetchModeLoadsARelationForTheWholeResultAtOnce(Queries queries) {
        new Library();
        List<Novel> novels = Novel.objects.fetchMode(FetchMode.PEERS).orderBy("title").list();
        queries.assertNumQueries(1, () -> novels.forEach(n -> n.writer.get()));
        List<Writer> writers = Writer.objects.fetchMode(FetchMode.PEERS).orderBy("name").list();
        queries.assertNumQueries(1, () -> writers.forEach(w -> w.related("novels").all().list()));
    }

    @Test
    void raiseFetchModeRefusesLazyLoadsAndSaysHowToFixThem() {
        new Library();
        Novel novel = Novel.objects.fetchMode(FetchMode.RAISE).orderBy("title").first().orElseThrow();
        assertThatThrownBy(() -> novel.writer.get()).isInstanceOf(QuarryException.class)
                .hasMessageContaining("Novel.writer").hasMessageContaining("selectRelated(\"writer\")");
        Writer writer = Writer.objects.fetchMode(FetchMode.RAISE).orderBy("name").first().orElseThrow();
        assertThatThrownBy(() -> writer.related("novels").all()).isInstanceOf(QuarryException.class)
                .hasMessageContaining("prefetchRelated(\"novels\")");
        Novel loaded = Novel.objects.fetchMode(FetchMode.RAISE).selectRelated("writer").orderBy("title").first().orElseThrow();
        assertThat(loaded.writer.get().name).isEqualTo("Ann");
    }
}
