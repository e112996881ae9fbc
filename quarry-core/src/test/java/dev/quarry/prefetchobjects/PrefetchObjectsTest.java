package dev.quarry.prefetchobjects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ExecutedQuery;
import dev.quarry.FieldError;
import dev.quarry.Prefetch;
import dev.quarry.QueryError;
import dev.quarry.RelationNotLoaded;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Prefetch objects: a QuerySet of their own for the last level, {@code to(name)} (Django's {@code to_attr}),
 * nested Prefetches and paths mixing forward and reverse hops. The expected rows and query counts come
 * from Django 3.2 on the same rows: {@code /usr/bin/python3 .../prefetchobjects/django_prefetch_objects.py}.
 * Sliced Prefetches (one query per level with ROW_NUMBER()) are in {@link PrefetchSliceTest}.
 */
@QuarryTest(models = {Author.class, Tag.class, Book.class, Review.class})
class PrefetchObjectsTest {
    static List<String> titles(List<Book> books) {
        return books.stream().map(b -> b.title).toList();
    }

    @Test
    void toKeepsTheQuerySetsRowsUnderANameAndLeavesTheRelationUnloaded(Queries queries) {
        Book.rows();
        List<String> recent = queries.assertNumQueries(2, () -> Author.objects.orderBy("name").prefetchRelated(
                Prefetch.of("books", Book.objects.filter("published_date__year__gte", 2004).orderBy("-published_date"))
                        .to("recentBooks")).list().stream()
                .map(a -> a.name + "=" + titles(a.prefetched("recentBooks", Book.class))).toList());
        assertThat(recent).containsExactly("ann=[a3, a2]", "bob=[b2]", "cyd=[]");
        // The relation itself was not prefetched: reading it runs its own query, as in Django.
        Author ann = queries.assertNumQueries(2, () -> Author.objects.prefetchRelated(
                Prefetch.of("books", Book.objects.all()).to("recentBooks")).get("name", "ann"));
        assertThat(queries.assertNumQueries(1, () -> titles(ann.related("books", Book.class).all().orderBy("title").list())))
                .containsExactly("a1", "a2", "a3", "a4");
    }

    @Test
    void aNestedPrefetchWhoseQuerySetPrefetchesAgain(Queries queries) {
        Book.rows();
        List<String> nested = queries.assertNumQueries(3, () -> Author.objects.orderBy("name").prefetchRelated(
                Prefetch.of("books", Book.objects.orderBy("title").prefetchRelated(
                        Prefetch.of("review_set", Review.objects.filter("rating__gte", 3).orderBy("-rating")).to("good"))))
                .list().stream().map(a -> a.name + "=" + a.related("books", Book.class).all().list().stream()
                        .map(b -> b.title + b.prefetched("good", Review.class).stream().map(r -> r.rating).toList()).toList())
                .toList());
        assertThat(nested).containsExactly("ann=[a1[], a2[4], a3[5, 3], a4[]]", "bob=[b1[], b2[]]", "cyd=[]");
        List<String> plain = queries.assertNumQueries(3, () -> Author.objects.filter("name", "ann").prefetchRelated(
                Prefetch.of("books", Book.objects.orderBy("-title").prefetchRelated(Prefetch.of("tags",
                        Tag.objects.orderBy("-name"))))).get().related("books", Book.class).all().list().stream()
                .map(b -> b.title + b.tags.all().list().stream().map(t -> t.name).toList()).toList());
        assertThat(plain).containsExactly("a4[]", "a3[scifi, fantasy]", "a2[scifi]", "a1[fantasy]");
    }

    @Test
    void aLaterPathContinuesFromRowsKeptUnderAName(Queries queries) {
        Book.rows();
        List<String> rows = queries.assertNumQueries(3, () -> Author.objects.orderBy("name").prefetchRelated(
                Prefetch.of("books", Book.objects.filter("published_date__year__gte", 2004).orderBy("-published_date"))
                        .to("recentBooks"),
                Prefetch.of("recentBooks__review_set", Review.objects.orderBy("-rating")).to("reviews")).list().stream()
                .map(a -> a.name + "=" + a.prefetched("recentBooks", Book.class).stream()
                        .map(b -> b.title + b.prefetched("reviews", Review.class).stream().map(r -> r.rating).toList()).toList())
                .toList());
        assertThat(rows).containsExactly("ann=[a3[5, 3, 1], a2[4]]", "bob=[b2[2]]", "cyd=[]");
        // Without the earlier Prefetch, the name is no relation: refused before any SQL, listing the relations.
        assertThat(queries.captured(() -> assertThatThrownBy(() -> Author.objects.prefetchRelated("recentBooks__review_set")
                .list()).isInstanceOf(FieldError.class).hasMessageContaining("Cannot find 'recentBooks' on Author")))
                .isEmpty();
    }

    @Test
    void pathsMixingForwardAndReverseHops(Queries queries) {
        Book.rows();
        // forward FK, forward FK, reverse FK: one query per level.
        List<String> authors = queries.assertNumQueries(4, () -> Review.objects.orderBy("id").prefetchRelated("book__author__books")
                .list().stream().map(r -> r.rating + " " + r.book.get().title + " " + r.book.get().author.get().name + " "
                        + titles(r.book.get().author.get().related("books", Book.class).all().list())).toList());
        assertThat(authors).containsExactly("5 a3 ann [a1, a2, a3, a4]", "3 a3 ann [a1, a2, a3, a4]", "4 a2 ann [a1, a2, a3, a4]",
                "2 b2 bob [b1, b2]", "1 a3 ann [a1, a2, a3, a4]");
        // forward FK, many-to-many, its reverse side.
        List<String> tags = queries.assertNumQueries(4, () -> Review.objects.orderBy("id").prefetchRelated("book__tags__books")
                .list().stream().map(r -> r.rating + " " + r.book.get().tags.all().list().stream()
                        .map(t -> t.name + titles(t.related("books", Book.class).all().list())).toList()).toList());
        assertThat(tags).containsExactly("5 [fantasy[a1, a3], scifi[a2, a3, b2]]", "3 [fantasy[a1, a3], scifi[a2, a3, b2]]",
                "4 [scifi[a2, a3, b2]]", "2 [scifi[a2, a3, b2]]", "1 [fantasy[a1, a3], scifi[a2, a3, b2]]");
        // reverse many-to-many, then forward FK.
        List<String> books = queries.assertNumQueries(3, () -> Tag.objects.orderBy("name").prefetchRelated("books__author")
                .list().stream().map(t -> t.name + t.related("books", Book.class).all().list().stream()
                        .map(b -> b.title + "/" + b.author.get().name).toList()).toList());
        assertThat(books).containsExactly("fantasy[a1/ann, a3/ann]", "poetry[]", "scifi[a2/ann, a3/ann, b2/bob]");
    }

    @Test
    void aNameThatIsAFieldOrRelationIsRefusedBeforeAnySql(Queries queries) {
        Book.rows();
        // Django 3.2 silently skips such a prefetch (it takes the field's value for a fetched to_attr); Quarry refuses it.
        List<ExecutedQuery> none = queries.captured(() -> {
            assertThatThrownBy(() -> Author.objects.prefetchRelated(Prefetch.of("books", Book.objects.all()).to("name")).list())
                    .isInstanceOf(FieldError.class).hasMessageContaining("'name' is already a field or relation of Author");
            assertThatThrownBy(() -> Review.objects.prefetchRelated(Prefetch.of("book__author__books", Book.objects.all())
                    .to("books")).list()).isInstanceOf(FieldError.class).hasMessageContaining("relation of Author");
        });
        assertThat(none).isEmpty();
        // A QuerySet for rows an earlier lookup already loads is refused, as Django refuses it (ValueError).
        assertThat(queries.captured(() -> {
            assertThatThrownBy(() -> Author.objects.prefetchRelated("books").prefetchRelated(Prefetch.of("books", Book.objects.all())))
                    .isInstanceOf(QueryError.class).hasMessageContaining("'books' is already prefetched by an earlier lookup");
            assertThatThrownBy(() -> Author.objects.prefetchRelated(Prefetch.of("books__review_set"), Prefetch.of("books",
                    Book.objects.all()))).isInstanceOf(QueryError.class).hasMessageContaining("Put this Prefetch first");
        })).isEmpty();
        assertThat(queries.assertNumQueries(3, () -> Author.objects.prefetchRelated(Prefetch.of("books"),
                Prefetch.of("books", Book.objects.filter("title", "a1")).to("first")).get("name", "ann").prefetched("first",
                Book.class).size())).isEqualTo(1);
        assertThatThrownBy(() -> Prefetch.of("books").to("recent__books")).isInstanceOf(FieldError.class)
                .hasMessageContaining("identifier without \"__\"");
        Author ann = Author.objects.get("name", "ann");
        assertThatThrownBy(() -> ann.prefetched("recentBooks", Book.class)).isInstanceOf(RelationNotLoaded.class)
                .hasMessageContaining("Author has no prefetched rows 'recentBooks'").hasMessageContaining("Prefetched here: none");
        Author loaded = Author.objects.prefetchRelated(Prefetch.of("books").to("all")).get("name", "ann");
        assertThatThrownBy(() -> loaded.prefetched("all", Review.class)).isInstanceOf(FieldError.class)
                .hasMessageContaining("holds Book objects, not Review");
        // A forward foreign key kept under a name: a list of its one target.
        Review first = Review.objects.orderBy("id").prefetchRelated(Prefetch.of("book").to("theBook")).first().orElseThrow();
        assertThat(titles(first.prefetched("theBook", Book.class))).containsExactly("a3");
    }
}
