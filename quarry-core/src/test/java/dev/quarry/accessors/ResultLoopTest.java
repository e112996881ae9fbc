package dev.quarry.accessors;

import static dev.quarry.expr.Aggregates.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.MultipleObjectsReturned;
import dev.quarry.Quarry;
import dev.quarry.test.Committing;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A result made of one model's columns alone is read in the model's generated accessor's own loop
 * ({@code readRows}, one call per result), so that creating each instance and reading its fields are
 * calls the JIT sees for that model alone; the instances come out loaded, as row by row. A get by primary
 * key stops after the first row; a query that also reads another model's columns or an annotation reads
 * row by row ({@code readRow}). The counters are {@link Volume__Accessor}'s.
 */
@QuarryTest(models = {Shelf.class, Volume.class, Binder.class})
class ResultLoopTest {

    /** A shelf and three volumes on it, in title order: Dune, Emma, Ulysses. */
    private static List<Volume> shelve() {
        Shelf oak = Shelf.objects.create(s -> s.label = "oak");
        List<Volume> out = new ArrayList<>();
        for (String title : List.of("Dune", "Emma", "Ulysses")) {
            out.add(Volume.objects.create(Map.of("title", title, "shelf", oak)));
        }
        return out;
    }

    @Test
    void aResultOfOneModelIsReadInOneCallOfTheAccessorsLoop(Queries queries) {
        List<Volume> made = shelve();
        int loops = Volume__Accessor.LOOPS.get();
        int read = Volume__Accessor.READ.get();
        List<Volume> all = queries.assertNumQueries(1, () -> Volume.objects.orderBy("title").list());
        assertThat(Volume__Accessor.LOOPS.get()).as("results read in the loop").isEqualTo(loops + 1);
        assertThat(Volume__Accessor.READ.get()).as("rows read").isEqualTo(read + 3);
        assertThat(all).extracting(v -> v.title).containsExactly("Dune", "Emma", "Ulysses");
        assertThat(all).extracting(v -> v.id).containsExactly(made.get(0).id, made.get(1).id, made.get(2).id);
        assertThat(all).extracting(v -> v.shelf.id()).containsOnly(made.get(0).shelf.id());
        assertThat(all).allSatisfy(v -> assertThat(v.isPersisted()).isTrue());
        // Loaded, so saving one updates its row rather than inserting another.
        all.get(0).title = "Dune Messiah";
        all.get(0).save();
        assertThat(Volume.objects.orderBy("title").list()).extracting(v -> v.title)
                .containsExactly("Dune Messiah", "Emma", "Ulysses");
    }

    @Test
    void aGetByPrimaryKeyStopsAfterTheFirstRow(Queries queries) {
        Volume emma = shelve().get(1);
        int loops = Volume__Accessor.LOOPS.get();
        int read = Volume__Accessor.READ.get();
        assertThat(queries.assertNumQueries(1, () -> Volume.objects.get("pk", emma.id)).title).isEqualTo("Emma");
        assertThat(Volume__Accessor.LOOPS.get()).isEqualTo(loops + 1);
        assertThat(Volume__Accessor.READ.get()).isEqualTo(read + 1);
    }

    @Test
    void aGetMatchingSeveralRowsStillFailsAfterReadingThem() {
        Volume dune = shelve().get(0);
        int read = Volume__Accessor.READ.get();
        assertThatThrownBy(() -> Volume.objects.get("shelf", dune.shelf.id()))
                .isInstanceOf(MultipleObjectsReturned.class);
        assertThat(Volume__Accessor.READ.get()).isEqualTo(read + 3);
    }

    @Test
    void anotherModelsColumnsOrAnAnnotationAreReadRowByRow(Queries queries) {
        shelve();
        int loops = Volume__Accessor.LOOPS.get();
        int read = Volume__Accessor.READ.get();
        List<Volume> related = queries.assertNumQueries(1, () -> Volume.objects.selectRelated("shelf").orderBy("title").list());
        assertThat(related).extracting(v -> v.title + "@" + v.shelf.get().label)
                .containsExactly("Dune@oak", "Emma@oak", "Ulysses@oak");
        List<Volume> annotated = Volume.objects.annotate("n", count("lists")).orderBy("title").list();
        assertThat(annotated).extracting(v -> v.title + ":" + v.annotation("n", Long.class))
                .containsExactly("Dune:0", "Emma:0", "Ulysses:0");
        assertThat(Volume__Accessor.LOOPS.get()).as("results read in the loop").isEqualTo(loops);
        assertThat(Volume__Accessor.READ.get()).as("rows read one by one").isEqualTo(read + 6);
    }

    @Test
    @Committing
    void sixteenThreadsReadTheSameShapeEachIntoItsOwnResult(Quarry quarry) throws Exception {
        shelve();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<List<String>>> done = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                done.add(pool.submit(() -> {
                    List<String> seen = new ArrayList<>();
                    for (int i = 0; i < 20; i++) {
                        seen.add(String.join(",", Volume.objects.using(quarry).orderBy("title").list().stream().map(v -> v.title).toList()));
                    }
                    return seen;
                }));
            }
            for (Future<List<String>> f : done) {
                assertThat(f.get(2, TimeUnit.MINUTES)).hasSize(20).containsOnly("Dune,Emma,Ulysses");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
