package dev.quarry.prefetchobjects;

import static dev.quarry.prefetchobjects.PrefetchObjectsTest.titles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ExecutedQuery;
import dev.quarry.Prefetch;
import dev.quarry.QueryError;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A slice inside a Prefetch is a limit per owner: one query per level, numbering each owner's rows with
 * {@code ROW_NUMBER() OVER (PARTITION BY owner ORDER BY ...)} and keeping the numbers in the slice, as
 * Django 4.2 does. Django 3.2 refuses it ("Cannot filter a query once a slice has been taken."), so
 * {@code django_prefetch_objects.py} prints that, then each owner's rows sliced from the unsliced Prefetch.
 */
@QuarryTest(models = {Author.class, Tag.class, Book.class, Review.class})
class PrefetchSliceTest {
    @Test
    void eachAuthorWithTheirTwoNewestBooksInTwoQueries(Queries queries) {
        Book.rows();
        List<String> latest = new ArrayList<>();
        List<ExecutedQuery> sent = queries.captured(() -> Author.objects.orderBy("name").prefetchRelated(
                Prefetch.of("books", Book.objects.orderBy("-published_date").limit(2)).to("latest")).list()
                .forEach(a -> latest.add(a.name + "=" + titles(a.prefetched("latest", Book.class)))));
        assertThat(latest).containsExactly("ann=[a3, a2]", "bob=[b2, b1]", "cyd=[]");
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).sql()).startsWith("SELECT * FROM (SELECT ").contains("ROW_NUMBER() OVER (PARTITION BY ");
        // Without to(): the relation's own cache holds the slice.
        List<String> cached = queries.assertNumQueries(2, () -> Author.objects.orderBy("name").prefetchRelated(
                Prefetch.of("books", Book.objects.orderBy("-published_date").limit(2))).list().stream()
                .map(a -> a.name + "=" + titles(a.related("books", Book.class).all().list())).toList());
        assertThat(cached).containsExactly("ann=[a3, a2]", "bob=[b2, b1]", "cyd=[]");
    }

    @Test
    void aSliceWithAnOffsetIsTakenPerOwner(Queries queries) {
        Book.rows();
        List<String> rows = queries.assertNumQueries(2, () -> Author.objects.orderBy("name").prefetchRelated(
                Prefetch.of("books", Book.objects.orderBy("published_date").slice(1, 3)).to("next")).list().stream()
                .map(a -> a.name + "=" + titles(a.prefetched("next", Book.class))).toList());
        assertThat(rows).containsExactly("ann=[a4, a2]", "bob=[b2]", "cyd=[]");
    }

    @Test
    void anUnorderedSliceIsTakenInPrimaryKeyOrder(Queries queries) {
        Book.rows();
        List<String> rows = queries.assertNumQueries(2, () -> Author.objects.orderBy("name").prefetchRelated(
                Prefetch.of("books", Book.objects.limit(2)).to("firstTwo")).list().stream()
                .map(a -> a.name + "=" + titles(a.prefetched("firstTwo", Book.class))).toList());
        assertThat(rows).containsExactly("ann=[a1, a2]", "bob=[b1, b2]", "cyd=[]");
    }

    @Test
    void aSlicedManyToManyPrefetchIsPerOwnerToo(Queries queries) {
        Book.rows();
        List<String> rows = queries.assertNumQueries(2, () -> Tag.objects.orderBy("name").prefetchRelated(
                Prefetch.of("books", Book.objects.orderBy("title").limit(1)).to("firstBook")).list().stream()
                .map(t -> t.name + "=" + titles(t.prefetched("firstBook", Book.class))).toList());
        assertThat(rows).containsExactly("fantasy=[a1]", "poetry=[]", "scifi=[a2]");
    }

    @Test
    void aSlicedPrefetchInsideANestedOne(Queries queries) {
        Book.rows();
        List<String> rows = queries.assertNumQueries(3, () -> Author.objects.filter("name", "ann").prefetchRelated(
                Prefetch.of("books", Book.objects.orderBy("title").prefetchRelated(Prefetch.of("review_set",
                        dev.quarry.prefetchobjects.Review.objects.orderBy("-rating").limit(1)).to("best")))).get()
                .related("books", Book.class).all().list().stream()
                .map(b -> b.title + b.prefetched("best", Review.class).stream().map(r -> r.rating).toList()).toList());
        assertThat(rows).containsExactly("a1[]", "a2[4]", "a3[5]", "a4[]");
    }

    @Test
    void aSlicedForeignKeyPrefetchIsRefused(Queries queries) {
        Book.rows();
        assertThatThrownBy(() -> Review.objects.prefetchRelated(Prefetch.of("book", Book.objects.orderBy("title").limit(1)))
                .list()).isInstanceOf(QueryError.class).hasMessageContaining("Review.book cannot be sliced");
    }
}
