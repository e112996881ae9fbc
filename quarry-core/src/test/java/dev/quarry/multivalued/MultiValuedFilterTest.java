package dev.quarry.multivalued;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.ExecutedQuery;
import dev.quarry.Q;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Django's rules for filters across multi-valued relations (reverse foreign keys and many-to-many):
 * one filter() call is one join, each chained call adds its own, single-valued joins are shared.
 * Every expected result was checked against Django 3.2 on the rows of {@link Catalog}.
 */
@QuarryTest(models = {Author.class, Book.class, Tag.class, Review.class})
class MultiValuedFilterTest {

    private static final Pattern JOIN = Pattern.compile("\\bJOIN\\b");

    private static int joins(String sql) {
        Matcher m = JOIN.matcher(sql);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static List<String> names(Iterable<Author> authors) {
        List<String> out = new java.util.ArrayList<>();
        authors.forEach(a -> out.add(a.name));
        return out;
    }

    // ----- one filter() call: the same related row -----

    @Test
    void conditionsInOneFilterCallOnReverseForeignKeyReferToTheSameBook() {
        Catalog c = new Catalog();
        // Django: filter(books__tags__name='scifi', books__year=2021) -> [bob]; ann's scifi book is from 2019.
        assertThat(Author.objects.filter(Q.of("books__tags__name", "scifi").and(Q.of("books__year", 2021))).list())
                .containsExactly(c.bob);
    }

    @Test
    void qAndInOneFilterCallReferToTheSameBook() {
        Catalog c = new Catalog();
        // Django: filter(Q(books__tags__name='scifi') & Q(books__year=2021)) -> [bob], as with keyword arguments.
        assertThat(Author.objects.filter(Q.of("books__tags__name", "scifi").and(Q.of("books__year", 2021))).list())
                .containsExactly(c.bob);
    }

    @Test
    void chainedFiltersOnMultiValuedRelationMayMatchDifferentRows() {
        Catalog c = new Catalog();
        // Django: filter(books__tags__name='scifi').filter(books__year=2021) -> [ann, bob]; Dune is scifi, Emma is 2021.
        assertThat(Author.objects.filter("books__tags__name", "scifi").filter("books__year", 2021).orderBy("name").list())
                .containsExactly(c.ann, c.bob);
    }

    @Test
    void contradictoryConditionsInOneCallMatchNothingButChainedTheyMatch() {
        Catalog c = new Catalog();
        // Django: filter(books__year=2021, books__year__lt=2020) -> []; filter(books__year=2021).filter(books__year=2019) -> [ann].
        assertThat(Author.objects.filter(Q.of("books__year", 2021).and(Q.of("books__year__lt", 2020))).list()).isEmpty();
        assertThat(Author.objects.filter("books__year", 2021).filter("books__year", 2019).list()).containsExactly(c.ann);
    }

    @Test
    void conditionsTwoLevelsDeepInOneCallReferToTheSameReview() {
        Catalog c = new Catalog();
        // Dune has u1=5 and u2=2, but no review by u2 rated 5. Django: [] in one call, [ann] chained.
        assertThat(Author.objects.filter(Q.of("books__review__rating", 5).and(Q.of("books__review__reader", "u2"))).list()).isEmpty();
        assertThat(Author.objects.filter("books__review__rating", 5).filter("books__review__reader", "u2").list())
                .containsExactly(c.ann);
    }

    @Test
    void conditionsInOneCallOnManyToManyReferToTheSameTag() {
        Catalog c = new Catalog();
        // No single tag is named both scifi and classic. Django: Q & Q in one call -> []; chained -> [Faust].
        assertThat(Book.objects.filter(Q.of("tags__name", "scifi").and(Q.of("tags__name", "classic"))).list()).isEmpty();
        assertThat(Book.objects.filter("tags__name", "scifi").filter("tags__name", "classic").list())
                .containsExactly(c.faust);
    }

    @Test
    void conditionsInOneCallOnReverseManyToManyReferToTheSameBook() {
        Catalog c = new Catalog();
        // Django: Tag filter(books__year=2021, books__author__name='ann') -> [romance]; chained -> [romance, scifi].
        assertThat(Tag.objects.filter(Q.of("books__year", 2021).and(Q.of("books__author__name", "ann"))).orderBy("name").list())
                .containsExactly(c.romance);
        assertThat(Tag.objects.filter("books__year", 2021).filter("books__author__name", "ann").orderBy("name").list())
                .containsExactly(c.romance, c.scifi);
    }

    @Test
    void orInsideOneFilterCallOnMultiValuedRelation() {
        Catalog c = new Catalog();
        // Django: filter(Q(books__year=2018) | Q(books__title='Emma')) -> [ann, cat].
        assertThat(Author.objects.filter(Q.of("books__year", 2018).or(Q.of("books__title", "Emma"))).orderBy("name").list())
                .containsExactly(c.ann, c.cat);
    }

    // ----- joins -----

    @Test
    void chainedMultiValuedFiltersEachGetTheirOwnJoin() {
        Catalog c = new Catalog();
        // Django's SQL: INNER JOIN book ... INNER JOIN book T3 ...
        String sql = Author.objects.filter("books__title", "Dune").filter("books__title", "Emma").sql().text();
        assertThat(joins(sql)).as(sql).isEqualTo(2);
        assertThat(Author.objects.filter("books__title", "Dune").filter("books__title", "Emma").list()).containsExactly(c.ann);
        String one = Author.objects.filter(Q.of("books__title", "Dune").and(Q.of("books__year", 2019))).sql().text();
        assertThat(joins(one)).as(one).isEqualTo(1);
    }

    @Test
    void singleValuedJoinsAreReusedAcrossFilterCalls(Queries queries) {
        Catalog c = new Catalog();
        var qs = Book.objects.filter("author__name", "ann").filter("author__name__startswith", "a").orderBy("title");
        List<ExecutedQuery> ran = queries.captured(qs::list);
        assertThat(ran).hasSize(1);
        assertThat(qs.list()).containsExactly(c.dune, c.emma);
        // Django's SQL has one INNER JOIN to author for both calls.
        assertThat(joins(ran.get(0).sql())).as(ran.get(0).sql()).isEqualTo(1);
    }

    @Test
    void singleValuedChainTwoLevelsDeepJoinsEachTableOnce(Queries queries) {
        Catalog c = new Catalog();
        var qs = Review.objects.filter("book__author__name", "ann").filter("book__year", 2019)
                .filter("book__author__born", 1950).orderBy("reader");
        List<ExecutedQuery> ran = queries.captured(qs::list);
        assertThat(ran).hasSize(1);
        assertThat(qs.list()).extracting(r -> r.book.id()).containsExactly(c.dune.id, c.dune.id);
        assertThat(qs.list()).extracting(r -> r.reader).containsExactly("u1", "u2");
        // Django: review INNER JOIN book INNER JOIN author; nothing more.
        assertThat(joins(ran.get(0).sql())).as(ran.get(0).sql()).isEqualTo(2);
    }

    // ----- NULLs and outer joins -----

    @Test
    void isnullTrueOnReverseForeignKeyFindsRowsWithNoRelatedRow() {
        Catalog c = new Catalog();
        // Django: LEFT OUTER JOIN book ... WHERE book.id IS NULL -> [dan].
        assertThat(Author.objects.filter("books__isnull", true).sql().text()).contains("LEFT OUTER JOIN");
        assertThat(Author.objects.filter("books__isnull", true).list()).containsExactly(c.dan);
        assertThat(Author.objects.filter("books__isnull", false).distinct().orderBy("name").list())
                .containsExactly(c.ann, c.bob, c.cat);
    }

    @Test
    void isnullTrueOnManyToManyFindsRowsWithNoRelatedRow() {
        Catalog c = new Catalog();
        // Django: Book filter(tags__isnull=True) -> [Golem].
        assertThat(Book.objects.filter("tags__isnull", true).list()).containsExactly(c.golem);
        assertThat(Tag.objects.filter("books__isnull", true).list()).isEmpty();
    }

    @Test
    void isnullTwoLevelsDeepKeepsRowsMissingEitherLevel() {
        Catalog c = new Catalog();
        // Django: filter(books__review__isnull=True) -> [cat, dan]: cat's book has no review, dan has no book.
        assertThat(Author.objects.filter("books__review__isnull", true).orderBy("name").list()).containsExactly(c.cat, c.dan);
    }

    @Test
    void orWithNullableForeignKeyKeepsRowsWhoseKeyIsNull() {
        Catalog c = new Catalog();
        // Emma has no editor: an INNER join on editor would lose it. Django: LEFT OUTER JOIN -> [Dune, Emma].
        var qs = Book.objects.filter(Q.of("editor__name", "bob").or(Q.of("title", "Emma"))).orderBy("title");
        assertThat(qs.sql().text()).contains("LEFT OUTER JOIN");
        assertThat(qs.list()).containsExactly(c.dune, c.emma);
        // Django: filter(Q(editor__name='ann') | Q(author__name='bob')) -> [Faust, Golem] (Faust has no editor).
        assertThat(Book.objects.filter(Q.of("editor__name", "ann").or(Q.of("author__name", "bob"))).orderBy("title").list())
                .containsExactly(c.faust, c.golem);
    }

    // ----- duplicates -----

    @Test
    void distinctRemovesTheDuplicatesAMultiValuedJoinCreates() {
        new Catalog();
        // Django: filter(books__review__rating__gte=2) -> [ann, ann, ann, bob]; count() 4; distinct -> [ann, bob], count() 2.
        assertThat(names(Author.objects.filter("books__review__rating__gte", 2).orderBy("name").list()))
                .containsExactly("ann", "ann", "ann", "bob");
        assertThat(Author.objects.filter("books__review__rating__gte", 2).count()).isEqualTo(4);
        assertThat(names(Author.objects.filter("books__review__rating__gte", 2).distinct().orderBy("name").list()))
                .containsExactly("ann", "bob");
        assertThat(Author.objects.filter("books__review__rating__gte", 2).distinct().count()).isEqualTo(2);
    }

    // ----- instances as values -----

    @Test
    void filterByInstanceOnForeignKey(Queries queries) {
        Catalog c = new Catalog();
        // Django: filter(author=ann) -> [Dune, Emma]; filter(author__in=[ann, cat]) -> [Dune, Emma, Golem].
        List<Book> byAnn = queries.assertNumQueries(1, () -> Book.objects.filter("author", c.ann).orderBy("title").list());
        assertThat(byAnn).containsExactly(c.dune, c.emma);
        assertThat(Book.objects.filter("author__in", List.of(c.ann, c.cat)).orderBy("title").list())
                .containsExactly(c.dune, c.emma, c.golem);
        assertThat(Book.objects.filter("author_id", c.ann.id).orderBy("title").list()).containsExactly(c.dune, c.emma);
        assertThat(Review.objects.filter("book__author", c.ann).count()).isEqualTo(3);
    }

    @Test
    void filterByInstanceOnReverseAndManyToManyRelations() {
        Catalog c = new Catalog();
        // Django: Author filter(books=faust) -> [bob]; Book filter(tags=scifi) -> [Dune, Faust]; Tag filter(books=faust) -> [classic, scifi].
        assertThat(Author.objects.filter("books", c.faust).list()).containsExactly(c.bob);
        assertThat(Book.objects.filter("tags", c.scifi).orderBy("title").list()).containsExactly(c.dune, c.faust);
        assertThat(Tag.objects.filter("books", c.faust).orderBy("name").list()).containsExactly(c.classic, c.scifi);
    }

    @Test
    void filterByNullOnNullableForeignKeyIsIsnull() {
        Catalog c = new Catalog();
        // Django: filter(editor=None) -> [Emma, Faust], the same as editor__isnull=True.
        assertThat(Book.objects.filter("editor", null).orderBy("title").list()).containsExactly(c.emma, c.faust);
        assertThat(Book.objects.filter("editor__isnull", true).orderBy("title").list()).containsExactly(c.emma, c.faust);
    }
}
