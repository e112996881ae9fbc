package dev.quarry.through;

import static dev.quarry.expr.Aggregates.count;
import static dev.quarry.expr.Aggregates.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.quarry.FieldError;
import dev.quarry.Q;
import dev.quarry.QueryError;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A many-to-many field with a {@code through} model (Book.publishers through Contract, whose two
 * keys to Publisher make {@code throughFields} necessary): the accessor's writes from both sides
 * with {@code throughDefaults}, lookups through the field and through the intermediate model,
 * prefetching and deletion. Every expected row comes from Django 3.2 on the same rows
 * ({@code through_django.py} in this package's test resources); Django's statement counts (BEGIN
 * not counted) are given where Quarry's differ.
 */
@QuarryTest(models = {Book.class, Publisher.class, Contract.class})
class ManyToManyThroughTest {

    /** The contracts as [book, publisher, royalty], by id. */
    private static List<List<Object>> contracts() {
        return Contract.objects.selectRelated("book", "publisher").orderBy("id").list().stream()
                .map(c -> List.<Object>of(c.book.get().title, c.publisher.get().name, c.royaltyPct)).toList();
    }

    private static List<Object> row(String book, String publisher, int pct) {
        return List.of(book, publisher, pct);
    }

    private record Shelf(Book dune, Book emma, Publisher ace, Publisher tor, Publisher gollancz) {}

    /** Django's rows: Dune by Ace (12), Tor (10, the model default), Gollancz (15); Emma by Ace (8). */
    private static Shelf shelf(Queries queries) {
        Book dune = Book.objects.create(Map.of("title", "Dune"));
        Book emma = Book.objects.create(Map.of("title", "Emma"));
        Publisher ace = Publisher.objects.create(Map.of("name", "Ace"));
        Publisher tor = Publisher.objects.create(Map.of("name", "Tor"));
        queries.assertCount(2, () -> dune.publishers.add(List.of(ace), Map.of("royalty_pct", 12)));
        queries.assertCount(1, () -> dune.publishers.add(List.of(ace), Map.of("royalty_pct", 99)));
        queries.assertCount(2, () -> dune.publishers.add(tor));
        Publisher gollancz = queries.assertNumQueries(3,
                () -> dune.publishers.create(Map.of("name", "Gollancz"), Map.of("royaltyPct", 15)));
        queries.assertCount(2, () -> ace.related("books", Book.class).add(List.of(emma), Map.of("royalty_pct", 8)));
        return new Shelf(dune, emma, ace, tor, gollancz);
    }

    @Test
    void addAndCreateWriteThroughModelRowsWithThroughDefaultsFromBothSides(Queries queries) {
        shelf(queries);
        // Adding an existing link keeps its row (royalty 12, not 99), as Django does.
        assertThat(contracts()).containsExactly(row("Dune", "Ace", 12), row("Dune", "Tor", 10),
                row("Dune", "Gollancz", 15), row("Emma", "Ace", 8));
    }

    @Test
    void theAccessorReadsThroughTheIntermediateModelFromBothSides(Queries queries) {
        Shelf s = shelf(queries);
        assertThat(queries.assertNumQueries(1, () -> s.dune().publishers.all().orderBy("name").list()))
                .extracting(p -> p.name).containsExactly("Ace", "Gollancz", "Tor");
        assertThat(queries.assertNumQueries(1, () -> s.ace().related("books", Book.class).all().orderBy("title").list()))
                .extracting(b -> b.title).containsExactly("Dune", "Emma");
    }

    @Test
    void conditionsInOneFilterOnTheFieldAndTheThroughModelReferToTheSameLinkRow(Queries queries) {
        shelf(queries);
        // Tor's contract for Dune pays 10: no single link row is Tor's and pays more than 11.
        assertThat(queries.assertNumQueries(1, () -> Book.objects
                .filter(Q.of("publishers__name", "Tor"), Q.of("contract__royalty_pct__gt", 11)).list())).isEmpty();
        assertThat(Book.objects.filter(Q.of("publishers__name", "Ace"), Q.of("contract__royalty_pct__gt", 11)).list())
                .extracting(b -> b.title).containsExactly("Dune");
        // Chained filters each join their own link row: Dune has a Tor contract and another paying 12.
        assertThat(Book.objects.filter("publishers__name", "Tor").filter("contract__royalty_pct__gt", 11).distinct().list())
                .extracting(b -> b.title).containsExactly("Dune");
    }

    @Test
    void lookupsSpanTheThroughModelFromTheTarget(Queries queries) {
        shelf(queries);
        assertThat(Publisher.objects.filter("contract__royalty_pct__lt", 10).list()).extracting(p -> p.name)
                .containsExactly("Ace");
        assertThat(Publisher.objects.filter("books__title", "Dune").orderBy("name").list()).extracting(p -> p.name)
                .containsExactly("Ace", "Gollancz", "Tor");
    }

    @Test
    void excludeAndAggregatesGoThroughTheIntermediateModel(Queries queries) {
        shelf(queries);
        assertThat(queries.assertNumQueries(1, () -> Book.objects.exclude("publishers__name", "Tor").orderBy("title").list()))
                .extracting(b -> b.title).containsExactly("Emma");
        assertThat(queries.assertNumQueries(1, () -> Book.objects.annotate("n", count("publishers")).orderBy("title")
                .valuesList("title", "n").list()).stream().map(r -> List.of(r.get(0), ((Number) r.get(1)).intValue())).toList())
                .containsExactly(List.of("Dune", 3), List.of("Emma", 1));
        assertThat(queries.assertNumQueries(1, () -> Publisher.objects.annotate("total", sum("contract__royalty_pct"))
                .orderBy("name").valuesList("name", "total").list()).stream()
                .map(r -> List.of(r.get(0), ((Number) r.get(1)).intValue())).toList())
                .containsExactly(List.of("Ace", 20), List.of("Gollancz", 15), List.of("Tor", 10));
    }

    @Test
    void prefetchingGoesThroughTheIntermediateModelInOneQueryPerLevel(Queries queries) {
        shelf(queries);
        List<Book> books = queries.assertNumQueries(2,
                () -> Book.objects.prefetchRelated("publishers").orderBy("title").list());
        queries.assertCount(0, () -> {
            assertThat(books.get(0).publishers.all().list()).extracting(p -> p.name)
                    .containsExactlyInAnyOrder("Ace", "Tor", "Gollancz");
            assertThat(books.get(1).publishers.all().list()).extracting(p -> p.name).containsExactly("Ace");
        });
        List<Publisher> publishers = queries.assertNumQueries(2,
                () -> Publisher.objects.prefetchRelated("books").orderBy("name").list());
        queries.assertCount(0, () -> assertThat(publishers).extracting(p -> p.related("books", Book.class).all().list()
                .stream().map(b -> b.title).sorted().toList())
                .containsExactly(List.of("Dune", "Emma"), List.of("Dune"), List.of("Dune")));
    }

    @Test
    void removeSetAndClearDeleteThroughModelRows(Queries queries) {
        Shelf s = shelf(queries);
        queries.assertCount(1, () -> s.dune().publishers.remove(s.tor()));   // Django: 2 (a SELECT of the rows, then DELETE)
        assertThat(contracts()).containsExactly(row("Dune", "Ace", 12), row("Dune", "Gollancz", 15), row("Emma", "Ace", 8));

        queries.assertCount(4, () -> s.dune().publishers.set(List.of(s.ace(), s.tor()), Map.of("royalty_pct", 7)));
        assertThat(contracts()).containsExactly(row("Dune", "Ace", 12), row("Emma", "Ace", 8), row("Dune", "Tor", 7));

        queries.assertCount(1, () -> s.ace().related("books", Book.class).clear());
        assertThat(contracts()).containsExactly(row("Dune", "Tor", 7));
    }

    @Test
    void deletingASideDeletesItsLinkRowsCountedUnderTheThroughModel(Queries queries) {
        Shelf s = shelf(queries);
        s.emma().delete();
        // Django: (2, {'Contract': 1, 'Book': 1}) for Emma; Dune's three contracts go with Dune.
        assertThat(s.dune().delete()).containsOnly(entry("Book", 1), entry("Contract", 3));
        assertThat(contracts()).isEmpty();
        assertThat(Publisher.objects.count()).isEqualTo(3);
    }

    @Test
    void throughDefaultsNamingNoFieldOfTheThroughModelAreRefused(Queries queries) {
        Shelf s = shelf(queries);
        queries.assertCount(0, () -> assertThatThrownBy(() -> s.emma().publishers.add(List.of(s.tor()), Map.of("royalty", 5)))
                .isInstanceOf(FieldError.class).hasMessageContaining("royalty").hasMessageContaining("Contract"));
        assertThat(Contract.objects.count()).isEqualTo(4);
    }

    @Test
    void throughDefaultsOnAReverseForeignKeyAreRefused(Queries queries) {
        Shelf s = shelf(queries);
        assertThatThrownBy(() -> s.emma().related("contract_set", Contract.class).create(Map.of("publisher", s.tor()),
                Map.of("royalty_pct", 5))).isInstanceOf(QueryError.class).hasMessageContaining("reverse foreign key");
    }
}
