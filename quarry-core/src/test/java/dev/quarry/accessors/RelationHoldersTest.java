package dev.quarry.accessors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.ManyToMany;
import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.ModelInfo;
import dev.quarry.Ref;
import dev.quarry.model.ModelMeta;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A new instance gets its {@code Ref} and {@code ManyToMany} holders from its model's constructor. When
 * the model's generated accessor lists exactly the model's relation fields ({@code relationFields}), one
 * call to it ({@code newRelations}) fills them all, and it reads a loaded row in one call too ({@code readRow});
 * an accessor written before that (quarry-processor 0.2) and models without one set them and read rows field by
 * field. Both ways give instances that load, point and list alike.
 */
@QuarryTest(models = {Shelf.class, Volume.class, Binder.class})
class RelationHoldersTest {

    @Test
    void anAccessorListingTheRelationFieldsFillsTheHoldersInOneCall(Queries queries) {
        assertThat(ModelMeta.of(Volume.class).usesGeneratedAccessor()).isTrue();
        int before = Volume__Accessor.FILLED.get();
        Volume fresh = new Volume();
        assertThat(Volume__Accessor.FILLED.get()).isEqualTo(before + 1);
        int read = Volume__Accessor.READ.get();
        assertThat(fresh.shelf).isNotNull();
        assertThat(fresh.shelf.id()).isNull();
        assertThat(fresh.lists).isNotNull();
        assertThat(loadedTitlesAndShelves(queries, true)).containsExactly("Dune@oak[oak, pine]", "Emma@pine[]");
        assertThat(Volume__Accessor.READ.get()).as("rows read by the accessor's readRow").isEqualTo(read + 2);
    }

    @Test
    void anAccessorWithoutThemSetsTheHoldersFieldByField(Queries queries) {
        assertThat(ModelMeta.of(Binder.class).usesGeneratedAccessor()).isTrue();
        assertThat(ModelMeta.of(Binder.class).generatedAccessor().relationFields()).isEmpty();
        Binder fresh = new Binder();
        assertThat(fresh.shelf).isNotNull();
        assertThat(fresh.shelf.id()).isNull();
        assertThat(fresh.lists).isNotNull();
        assertThat(loadedTitlesAndShelves(queries, false)).containsExactly("Dune@oak[oak, pine]", "Emma@pine[]");
    }

    /** Creates two rows of Volume (or Binder), loads them back in two queries and describes them: title, shelf, listed shelves. */
    private static List<String> loadedTitlesAndShelves(Queries queries, boolean volumes) {
        Shelf oak = Shelf.objects.create(s -> s.label = "oak");
        Shelf pine = Shelf.objects.create(s -> s.label = "pine");
        Manager<? extends Model> manager = volumes ? Volume.objects : Binder.objects;
        ModelInfo info = dev.quarry.Quarry.current().model(volumes ? Volume.class : Binder.class);
        Model dune = manager.create(Map.of("title", "Dune", "shelf", oak));
        lists(dune).add(oak, pine);
        manager.create(Map.of("title", "Emma", "shelf", pine));
        return queries.assertNumQueries(2, () -> manager.selectRelated("shelf").prefetchRelated("lists")
                .orderBy("title").list().stream()
                .map(v -> info.get(v, "title") + "@" + shelf(v).get().label
                        + lists(v).all().list().stream().map(s -> s.label).sorted().toList())
                .toList());
    }

    private static Ref<Shelf> shelf(Model volumeOrBinder) {
        return volumeOrBinder instanceof Volume v ? v.shelf : ((Binder) volumeOrBinder).shelf;
    }

    private static ManyToMany<Shelf> lists(Model volumeOrBinder) {
        return volumeOrBinder instanceof Volume v ? v.lists : ((Binder) volumeOrBinder).lists;
    }
}
