package dev.quarry.manytomany;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ManyToMany;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import org.junit.jupiter.api.Test;

/**
 * A relation holder ({@code book.tags}, a {@code Ref}) belongs to the instance that created it: it finds
 * its field through that instance, so a row carries no per-field bookkeeping (issue 13). Moved into
 * another instance's field, it still works for the instance it came from while that instance holds
 * it; once its own instance holds another holder, using it fails before any SQL, saying how to do it
 * instead (before, it went on writing through a field its instance no longer used).
 */
@QuarryTest(models = {Book.class, Tag.class, Reader.class})
class HolderOwnershipTest {

    @Test
    void aHolderWorksThroughTheInstanceThatCreatedIt(Queries queries) {
        Book dune = Book.objects.create(b -> b.title = "Dune");
        Tag classic = Tag.objects.create(t -> t.name = "classic");
        ManyToMany<Tag> tags = dune.tags;
        tags.add(classic);
        assertThat(Book.objects.get("title", "Dune").tags.all().list()).containsExactly(classic);
    }

    @Test
    void aHolderItsInstanceNoLongerHoldsIsRefusedBeforeAnySql(Queries queries) {
        Book dune = Book.objects.create(b -> b.title = "Dune");
        Book emma = Book.objects.create(b -> b.title = "Emma");
        Tag classic = Tag.objects.create(t -> t.name = "classic");
        ManyToMany<Tag> duneTags = dune.tags;
        dune.tags = emma.tags; // the holders swapped by hand
        queries.assertNumQueries(0, () -> assertThatThrownBy(() -> duneTags.add(classic))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no longer belongs to a field of its Book")
                .hasMessageContaining("use its add/remove/set instead of assigning it"));
    }
}
