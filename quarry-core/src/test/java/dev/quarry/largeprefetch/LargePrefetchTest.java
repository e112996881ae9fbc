package dev.quarry.largeprefetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A large prefetch over three levels (30 shelves, 1,200 volumes, 3,600 notes, labels shared
 * through a many-to-many): one query per level whatever the number of rows, every owner gets
 * exactly its own rows in primary-key order, and each row's foreign key points back at the very
 * owner instance it was stitched onto, so walking back up runs no query either.
 */
@QuarryTest(models = {Shelf.class, Volume.class, Note.class, Label.class})
class LargePrefetchTest {
    private static final int SHELVES = 30;
    private static final int VOLUMES_PER_SHELF = 40;
    private static final int NOTES_PER_VOLUME = 3;
    private static final int LABELS = 7;

    private static void rows() {
        List<Label> labels = new ArrayList<>();
        for (int l = 0; l < LABELS; l++) {
            int k = l;
            labels.add(Label.objects.create(x -> x.name = "label" + k));
        }
        List<Shelf> shelves = new ArrayList<>();
        for (int s = 0; s < SHELVES; s++) {
            int k = s;
            shelves.add(Shelf.objects.create(x -> x.name = "shelf" + k));
        }
        List<Volume> volumes = new ArrayList<>();
        // Interleaved over the shelves, so each shelf's volumes are not contiguous in key order.
        for (int v = 0; v < SHELVES * VOLUMES_PER_SHELF; v++) {
            Volume volume = new Volume();
            volume.shelf.set(shelves.get(v % SHELVES));
            volume.title = "v" + v;
            volume.save();
            volumes.add(volume);
            volume.labels.add(labels.get(v % LABELS), labels.get((v + 3) % LABELS));
        }
        List<Note> notes = new ArrayList<>();
        for (int n = 0; n < SHELVES * VOLUMES_PER_SHELF * NOTES_PER_VOLUME; n++) {
            Note note = new Note();
            note.volume.set(volumes.get((n * 7) % volumes.size()));
            note.score = n;
            notes.add(note);
        }
        Note.objects.bulkCreate(notes);
    }

    @Test
    void threeLevelsTakeOneQueryEachAndEveryRowFindsItsOwner(Queries queries) {
        rows();
        List<Shelf> shelves = queries.assertNumQueries(4, () ->
                Shelf.objects.orderBy("id").prefetchRelated("volumes__notes", "volumes__labels").list());
        queries.assertNumQueries(0, () -> {
            int volumes = 0;
            int notes = 0;
            long scores = 0;
            for (Shelf shelf : shelves) {
                List<Volume> vs = shelf.related("volumes", Volume.class).all().list();
                assertThat(vs).hasSize(VOLUMES_PER_SHELF);
                assertThat(vs).extracting(v -> v.id).isSorted();
                for (Volume v : vs) {
                    assertThat(v.shelf.get()).isSameAs(shelf);
                    List<Note> ns = v.related("notes", Note.class).all().list();
                    assertThat(ns).hasSize(NOTES_PER_VOLUME).extracting(n -> n.id).isSorted();
                    for (Note n : ns) {
                        assertThat(n.volume.get()).isSameAs(v);
                        scores += n.score;
                    }
                    assertThat(v.labels.all().list()).extracting(l -> l.name).hasSize(2)
                            .containsExactlyInAnyOrder("label" + (Integer.parseInt(v.title.substring(1)) % LABELS),
                                    "label" + ((Integer.parseInt(v.title.substring(1)) + 3) % LABELS));
                    volumes++;
                    notes += ns.size();
                }
            }
            assertThat(volumes).isEqualTo(SHELVES * VOLUMES_PER_SHELF);
            assertThat(notes).isEqualTo(SHELVES * VOLUMES_PER_SHELF * NOTES_PER_VOLUME);
            int all = SHELVES * VOLUMES_PER_SHELF * NOTES_PER_VOLUME;
            assertThat(scores).isEqualTo((long) all * (all - 1) / 2);
        });
    }

    @Test
    void theSameLevelsFromTheOtherEndGroupEachLabelsVolumes(Queries queries) {
        rows();
        List<Label> labels = queries.assertNumQueries(3, () ->
                Label.objects.orderBy("id").prefetchRelated("volumes__notes").list());
        queries.assertNumQueries(0, () -> {
            int links = 0;
            for (Label label : labels) {
                for (Volume v : label.related("volumes", Volume.class).all()) {
                    assertThat(v.related("notes", Note.class).all().count()).isEqualTo(NOTES_PER_VOLUME);
                    links++;
                }
            }
            assertThat(links).isEqualTo(2 * SHELVES * VOLUMES_PER_SHELF);
        });
    }
}
