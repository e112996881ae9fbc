package dev.quarry.multivalued;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.DoesNotExist;
import dev.quarry.MultipleObjectsReturned;
import dev.quarry.Q;
import dev.quarry.expr.F;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code get()} by primary key: a query whose WHERE requires the key to equal a value, without a join
 * that repeats rows, matches at most one row, so Quarry reads that row and does not ask the database
 * for a second; every other query still counts its rows, and two are {@link MultipleObjectsReturned}.
 * Each expectation was checked against Django 3.2 by {@code django_get_by_key.py} on the rows of
 * {@link Catalog}.
 */
@QuarryTest(models = {Author.class, Book.class, Tag.class, Review.class})
class GetByKeyTest {

    @Test
    void getByKeyGivesItsRowInOneQueryAndDoesNotExistWithoutOne(Queries queries) {
        Catalog c = new Catalog();
        // Django: get(pk=ann) -> ann; get(pk=999) -> DoesNotExist.
        assertThat(queries.assertNumQueries(1, () -> Author.objects.get("pk", c.ann.id)).name).isEqualTo("ann");
        assertThat(queries.assertNumQueries(1, () -> Author.objects.get("id", c.bob.id)).name).isEqualTo("bob");
        assertThatThrownBy(() -> Author.objects.get("pk", 999_999)).isInstanceOf(DoesNotExist.class)
                .hasMessageContaining("filter(pk=");
    }

    @Test
    void aJoinThatRepeatsTheRowStillMakesTwo() {
        Catalog c = new Catalog();
        // Django: filter(books__year__gte=2000).get(pk=ann) -> MultipleObjectsReturned, "it returned 2" (Dune, Emma).
        assertThatThrownBy(() -> Author.objects.filter("books__year__gte", 2000).get("pk", c.ann.id))
                .isInstanceOf(MultipleObjectsReturned.class).hasMessageContaining("2");
        // Django: the same with distinct() -> ann; with books__year=2021 -> ann (Emma alone).
        assertThat(Author.objects.filter("books__year__gte", 2000).distinct().get("pk", c.ann.id).name).isEqualTo("ann");
        assertThat(Author.objects.filter("books__year", 2021).get("pk", c.ann.id).name).isEqualTo("ann");
    }

    @Test
    void keysThatCanMatchSeveralRowsStillMakeTwo() {
        Catalog c = new Catalog();
        // Django: get(Q(pk=ann) | Q(pk=bob)) and get(pk__in=[ann, bob]) -> MultipleObjectsReturned, "it returned 2".
        assertThatThrownBy(() -> Author.objects.get(Q.of("pk", c.ann.id).or(Q.of("pk", c.bob.id))))
                .isInstanceOf(MultipleObjectsReturned.class).hasMessageContaining("2");
        assertThatThrownBy(() -> Author.objects.get("pk__in", List.of(c.ann.id, c.bob.id)))
                .isInstanceOf(MultipleObjectsReturned.class).hasMessageContaining("2");
    }

    @Test
    void aKeyEqualToAnotherColumnCanMatchSeveralRows() {
        new Catalog();
        Author.objects.create(Map.of("id", 9001, "name", "eve", "born", 9001));
        Author.objects.create(Map.of("id", 9002, "name", "fay", "born", 9002));
        // Django: get(pk=F('born')) -> MultipleObjectsReturned, "it returned 2"; with name='eve' as well -> eve.
        assertThatThrownBy(() -> Author.objects.get(Q.of("pk", F.of("born"))))
                .isInstanceOf(MultipleObjectsReturned.class).hasMessageContaining("2");
        assertThat(Author.objects.get(Q.of("pk", F.of("born")), Q.of("name", "eve")).name).isEqualTo("eve");
    }

    @Test
    void aJoinToOneRowKeepsOneRow(Queries queries) {
        Catalog c = new Catalog();
        // Django: Book.objects.select_related('author').get(pk=dune) -> its author ann, in one query.
        Book dune = queries.assertNumQueries(1, () -> {
            Book b = Book.objects.selectRelated("author").get("pk", c.dune.id);
            assertThat(b.author.get().name).isEqualTo("ann");
            return b;
        });
        assertThat(dune.title).isEqualTo("Dune");
        // A condition on a single-valued relation beside the key: still the one row.
        assertThat(Book.objects.filter("author__name", "ann").get("pk", c.emma.id).title).isEqualTo("Emma");
        assertThatThrownBy(() -> Book.objects.filter("author__name", "bob").get("pk", c.emma.id))
                .isInstanceOf(DoesNotExist.class);
    }
}
