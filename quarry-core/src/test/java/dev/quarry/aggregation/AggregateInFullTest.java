package dev.quarry.aggregation;

import static dev.quarry.expr.Aggregates.avg;
import static dev.quarry.expr.Aggregates.count;
import static dev.quarry.expr.Aggregates.max;
import static dev.quarry.expr.Aggregates.min;
import static dev.quarry.expr.Aggregates.sum;
import static dev.quarry.expr.Functions.extract;
import static dev.quarry.expr.Functions.trunc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.quarry.Aggregation;
import dev.quarry.FieldError;
import dev.quarry.Q;
import dev.quarry.QueryError;
import dev.quarry.QuerySet;
import dev.quarry.expr.Aggregate;
import dev.quarry.expr.F;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code aggregate()} over any QuerySet: annotated, distinct or sliced ones are wrapped as Django
 * wraps them ({@code SELECT agg FROM (inner) subquery}); aggregates over different multi-valued
 * relations keep their true values (where Django 3.2 multiplies them, ticket #10060); {@code values(...)
 * .annotate(...)} grouping by expressions; {@code alias()}; aggregates over annotations. Expected values
 * come from Django 3.2 on the same rows ({@code django_aggregate.py}); where Django is wrong the test
 * says so and expects the value each aggregate has alone (the script's "true" lines).
 */
@QuarryTest(models = {Author.class, Tag.class, Book.class, Review.class})
class AggregateInFullTest {
    private static final QuerySet<Author> COUNTED = Author.objects.annotate("book_count", count("books"));

    private static Map<String, Object> agg(Queries queries, QuerySet<?> qs, Aggregate<?> first, Aggregate<?> second,
                                           Aggregate<?>... more) {
        return queries.assertNumQueries(1, () -> qs.aggregate(first, second, more)).asMap();
    }

    private static Map<String, Object> named(Queries queries, dev.quarry.Queryable<?, ?> qs, Aggregate<?>... aggregates) {
        Map<String, Aggregate<?>> m = new LinkedHashMap<>();
        for (int i = 0; i < aggregates.length; i++) {
            m.put("a" + i, aggregates[i]);
        }
        return queries.assertNumQueries(1, () -> qs.aggregate(m)).asMap();
    }

    // ----- over an annotated QuerySet -----

    @Test
    void aggregateOverAnAggregateAnnotation(Queries queries) {
        Book.rows();
        // Django: annotate(book_count=Count('books')).aggregate(Avg('book_count')) -> 1.25, in one query.
        assertThat(queries.assertNumQueries(1, () -> COUNTED.aggregate(avg("book_count")))).isEqualTo(1.25);
        // Django: {book_count__max: 2, book_count__sum: 5, id__count: 4}.
        assertThat(agg(queries, COUNTED, max("book_count"), sum("book_count"), count("id")))
                .containsExactly(Map.entry("book_count__max", 2L), Map.entry("book_count__sum", 5L), Map.entry("id__count", 4L));
        // Django: ...filter(book_count__gte=1).aggregate(Avg('book_count')) -> 1.6666666666666667.
        assertThat(queries.assertNumQueries(1, () -> COUNTED.filter("book_count__gte", 1).aggregate(avg("book_count"))))
                .isCloseTo(5.0 / 3, within(1e-9));
        // Django: annotate(a=Avg('books__review__stars')).aggregate(Max('a'), Min('a')) -> 4.0, 3.6666666666666665.
        Map<String, Object> stars = agg(queries, Author.objects.annotate("a", avg("books__review__stars")), max("a"), min("a"));
        assertThat((Double) stars.get("a__max")).isCloseTo(4.0, within(1e-9));
        assertThat((Double) stars.get("a__min")).isCloseTo(11.0 / 3, within(1e-9));
        // Django: annotate(n=Count('review')).aggregate(Avg('n'), Sum('pages')) -> 1.2, 1464.
        Map<String, Object> reviews = agg(queries, Book.objects.annotate("n", count("review")), avg("n"), sum("pages"));
        assertThat(reviews).containsEntry("n__avg", 1.2).containsEntry("pages__sum", 1464L);
    }

    @Test
    void aggregateOverAnExpressionAnnotation(Queries queries) {
        Book.rows();
        // Django: annotate(double=F('pages') * 2).aggregate(Sum('double')) -> 2928.
        assertThat(queries.assertNumQueries(1, () -> Book.objects.annotate("double", F.of("pages").times(2))
                .aggregate(sum("double", Long.class)))).isEqualTo(2928L);
    }

    @Test
    void aggregateOverAGroupedValuesQuery(Queries queries) {
        Book.rows();
        // Django: values('author').annotate(n=Count('id')).aggregate(Max('n')) -> 2.
        assertThat(queries.assertNumQueries(1, () -> Book.objects.values("author").annotate("n", count("id"))
                .aggregate(max("n", Long.class)))).isEqualTo(2L);
        // Django: annotate(year=ExtractYear('published')).values('year').annotate(n=Count('id')).aggregate(Max('n')) -> 2.
        assertThat(queries.assertNumQueries(1, () -> Book.objects.annotate("year", extract("published", "year"))
                .values("year").annotate("n", count("id")).aggregate(max("n", Long.class)))).isEqualTo(2L);
    }

    @Test
    void aConditionalAggregateOverAnAnnotation(Queries queries) {
        Book.rows();
        // Django: aggregate(n=Count('id', filter=Q(book_count__gte=2))) -> 2.
        assertThat(queries.assertNumQueries(1, () -> COUNTED.aggregate(count("id", Q.of("book_count__gte", 2)))))
                .isEqualTo(2L);
    }

    @Test
    void anAnnotatedAggregateIsWrappedInASubquery(Queries queries) {
        Book.rows();
        String sql = queries.captured(() -> COUNTED.aggregate(avg("book_count"))).get(0).sql();
        assertThat(sql).containsPattern("(?i)^SELECT AVG\\(.*\\) AS .book_count__avg. FROM \\(SELECT .*\\) .subquery.$");
    }

    // ----- distinct and sliced -----

    @Test
    void aggregateOverADistinctQuerySet(Queries queries) {
        Book.rows();
        var reviewed = Author.objects.filter("books__review__stars__gte", 4);
        // Django: distinct().aggregate(Count('id')) -> 3; without distinct each matching review counts: 4.
        assertThat(queries.assertNumQueries(1, () -> reviewed.distinct().aggregate(count("id")))).isEqualTo(3L);
        assertThat(queries.assertNumQueries(1, () -> reviewed.aggregate(count("id")))).isEqualTo(4L);
        // Django: values('author').distinct().aggregate(Count('author')) -> 3.
        assertThat(queries.assertNumQueries(1, () -> Book.objects.values("author").distinct().aggregate(count("author"))))
                .isEqualTo(3L);
    }

    @Test
    void aggregateOverASlicedQuerySet(Queries queries) {
        Book.rows();
        // Django: order_by('-rating')[:3].aggregate(Avg('rating')) -> 4.5.
        assertThat(queries.assertNumQueries(1, () -> Book.objects.orderBy("-rating").limit(3).aggregate(avg("rating"))))
                .isEqualTo(4.5);
        // Django: order_by('title')[1:3].aggregate(Sum('pages'), Count('id')) -> 632, 2.
        assertThat(agg(queries, Book.objects.orderBy("title").slice(1, 3), sum("pages"), count("id")))
                .containsEntry("pages__sum", 632L).containsEntry("id__count", 2L);
        // Django: annotate(book_count=...).order_by('-book_count', 'name')[:2].aggregate(Sum('book_count')) -> 4.
        assertThat(queries.assertNumQueries(1, () -> COUNTED.orderBy("-book_count", "name").limit(2)
                .aggregate(sum("book_count", Long.class)))).isEqualTo(4L);
    }

    // ----- several multi-valued relations: Quarry is deliberately right where Django 3.2 is not -----

    @Test
    void aggregatesOverDifferentMultiValuedRelationsKeepTheirTrueValues(Queries queries) {
        Book.rows();
        // Django 3.2 (#10060): Count('books') beside Count('books__review') -> 8, 6: each book counted
        // once per review. Quarry gives the values each has alone: 5, 6.
        assertThat(named(queries, Author.objects.all(), count("books"), count("books__review")))
                .containsExactly(Map.entry("a0", 5L), Map.entry("a1", 6L));
        // Django 3.2: Count('books') beside Count('books__tags') -> 7, 6; alone: 5, 6.
        assertThat(named(queries, Author.objects.all(), count("books"), count("books__tags")))
                .containsExactly(Map.entry("a0", 5L), Map.entry("a1", 6L));
        // Django 3.2: Sum('books__pages') beside Avg('books__review__stars') -> 2476, 3.83; alone: 1464, 3.83.
        Map<String, Object> pages = named(queries, Author.objects.all(), sum("books__pages"), avg("books__review__stars"));
        assertThat(pages.get("a0")).isEqualTo(1464L);
        assertThat((Double) pages.get("a1")).isCloseTo(23.0 / 6, within(1e-9));
        // Django 3.2: Count('id') beside Count('books') -> 6, 5; alone: 4, 5.
        assertThat(named(queries, Author.objects.all(), count("id"), count("books")))
                .containsExactly(Map.entry("a0", 4L), Map.entry("a1", 5L));
    }

    @Test
    void theTrueValuesKeepTheQuerySetsFilter(Queries queries) {
        Book.rows();
        // Django 3.2: filter(name__in=['ann', 'dan']) then Count('books'), Count('books__review') -> 6, 5; alone: 3, 5.
        assertThat(named(queries, Author.objects.filter("name__in", List.of("ann", "dan")), count("books"),
                count("books__review"))).containsExactly(Map.entry("a0", 3L), Map.entry("a1", 5L));
        // Django 3.2: Book's Count('tags'), Count('review'), Avg('review__stars') -> 12, 11, 3.818; alone: 6, 6, 3.833.
        Map<String, Object> book = named(queries, Book.objects.all(), count("tags"), count("review"), avg("review__stars"));
        assertThat(book).containsEntry("a0", 6L).containsEntry("a1", 6L);
        assertThat((Double) book.get("a2")).isCloseTo(23.0 / 6, within(1e-9));
        // Django 3.2: conditional Count('books', rating >= 4) beside Count('books__review', stars = 5) -> 6, 2; alone: 3, 2.
        assertThat(named(queries, Author.objects.all(), count("books", Q.of("books__rating__gte", 4)),
                count("books__review", Q.of("books__review__stars", 5)))).containsExactly(Map.entry("a0", 3L), Map.entry("a1", 2L));
    }

    @Test
    void aggregatesOverOneRelationShareOneSelect(Queries queries) {
        Book.rows();
        // Django (right here): Count('books'), Avg('books__rating') -> 5, 3.95.
        Map<String, Object> same = named(queries, Author.objects.all(), count("books"), avg("books__rating"));
        assertThat(same.get("a0")).isEqualTo(5L);
        assertThat((Double) same.get("a1")).isCloseTo(3.95, within(1e-9));
        String sql = queries.captured(() -> Author.objects.aggregate(count("books"), avg("books__rating"))).get(0).sql();
        assertThat(sql).doesNotContain("(SELECT");
    }

    // ----- a relation beside a wrapped query: Quarry is deliberately right where Django 3.2 is not -----

    @Test
    void aRelationsAggregateBesideAnAnnotationsKeepsBothTrue(Queries queries) {
        Book.rows();
        // Django 3.2 joins books__review inside the grouped query, splitting its groups: Avg('book_count')
        // becomes 0.89 (and 0.83 beside Sum('books__pages')). Quarry: 1.25 and 6 (1464), each as alone.
        assertThat(named(queries, COUNTED, avg("book_count"), count("books__review")))
                .containsExactly(Map.entry("a0", 1.25), Map.entry("a1", 6L));
        assertThat(named(queries, COUNTED, avg("book_count"), sum("books__pages")))
                .containsExactly(Map.entry("a0", 1.25), Map.entry("a1", 1464L));
        // Django 3.2: Max('book_count') beside Count('books__review', filter=stars=5) -> 1, 2; true: 2, 2.
        assertThat(named(queries, COUNTED, max("book_count"), count("books__review", Q.of("books__review__stars", 5))))
                .containsExactly(Map.entry("a0", 2L), Map.entry("a1", 2L));
        // Django 3.2: values('author').annotate(n=Count('id')) then Max('n'), Count('review') -> 1, 6; true: 2, 6.
        assertThat(named(queries, Book.objects.values("author").annotate("n", count("id")), max("n"), count("review")))
                .containsExactly(Map.entry("a0", 2L), Map.entry("a1", 6L));
    }

    @Test
    void aRelationsAggregateOverAWrappedQueryKeepsItsRows(Queries queries) {
        Book.rows();
        // Django (right here): filter(books__rating__gte=4).annotate(n=Count('books')) then Sum('n'),
        // Sum('books__pages') -> 3, 870: the filter's join is reused, so only the matching books count.
        assertThat(named(queries, Author.objects.filter("books__rating__gte", 4).annotate("n", count("books")), sum("n"),
                sum("books__pages"))).containsExactly(Map.entry("a0", 3L), Map.entry("a1", 870L));
        // Django 3.2: filter(book_count__gte=2) then Avg('book_count'), Count('books__review') -> None, 0; true
        // (ann and bob): 2.0, 3.
        assertThat(named(queries, COUNTED.filter("book_count__gte", 2), avg("book_count"), count("books__review")))
                .containsExactly(Map.entry("a0", 2.0), Map.entry("a1", 3L));
        // Django 3.2: order_by('name')[:2] then Count('id'), Count('books') -> 2, 2 (the slice cuts the joined
        // rows: ann's two books); true (ann and bob): 2, 4.
        assertThat(named(queries, Author.objects.orderBy("name").limit(2), count("id"), count("books")))
                .containsExactly(Map.entry("a0", 2L), Map.entry("a1", 4L));
    }

    @Test
    void partsAreCrossJoinedIntoOneStatement(Queries queries) {
        Book.rows();
        String sql = queries.captured(() -> Book.objects.aggregate(count("tags"), count("review"), avg("review__stars"))).get(0)
                .sql();
        // Two parts: the tags, and the reviews (count and average over the same rows).
        assertThat(sql).containsOnlyOnce("CROSS JOIN").contains("__p2");
    }

    @Test
    void whatCannotBeComputedIsRefusedBeforeSql(Queries queries) {
        Book.rows();
        queries.assertNumQueries(0, () -> assertThatThrownBy(() -> Book.objects.values("author").annotate("n", count("id"))
                .filter("n__gte", 2).aggregate(max("n"), count("review"))).isInstanceOf(QueryError.class)
                .hasMessageContaining("values(...).annotate(...) of Book").hasMessageContaining("multi-valued relation"));
    }

    // ----- values(...).annotate(...) grouping by expressions -----

    @Test
    void valuesOfAnAnnotatedExpressionGroupTheAggregate(Queries queries) {
        Book.rows();
        // Django: annotate(year=ExtractYear('published')).values('year').annotate(n=Count('id')).order_by('year').
        List<List<Object>> byYear = queries.assertNumQueries(1, () -> Book.objects.annotate("year", extract("published", "year"))
                .values("year").annotate("n", count("id")).orderBy("year").valuesList("year", "n").list());
        assertThat(byYear).containsExactly(List.of(1965, 2L), List.of(1996, 1L), List.of(2003, 2L));
        // Django: annotate(y=TruncYear('published')).values('y').annotate(n=Count('id'), p=Sum('pages')).order_by('y').
        List<Map<String, Object>> byTrunc = queries.assertNumQueries(1, () -> Book.objects.annotate("y", trunc("published", "year"))
                .values("y").annotate("n", count("id")).annotate("p", sum("pages")).orderBy("y").list());
        assertThat(byTrunc).extracting(m -> List.of(m.get("y"), m.get("n"), m.get("p"))).containsExactly(
                List.of(LocalDate.of(1965, 1, 1), 2L, 712L), List.of(LocalDate.of(1996, 1, 1), 1L, 474L),
                List.of(LocalDate.of(2003, 1, 1), 2L, 278L));
    }

    @Test
    void valuesOfArithmeticGroupTheAggregate(Queries queries) {
        Book.rows();
        // Integer arithmetic reads as a Long in Quarry (ArithmeticTest), an int in Django.
        // Django: annotate(h=F('pages') / 100).values('h').annotate(n=Count('id')).order_by('h') -> (1, 2), (3, 1), (4, 2).
        var hundreds = Book.objects.annotate("h", F.of("pages").div(100)).values("h");
        assertThat(queries.assertNumQueries(1, () -> hundreds.annotate("n", count("id")).orderBy("h").valuesList("h", "n").list()))
                .containsExactly(List.of(1L, 2L), List.of(3L, 1L), List.of(4L, 2L));
        // Django: ...values('h').annotate(r=Count('review')) -> (1, 1), (3, 3), (4, 2).
        assertThat(queries.assertNumQueries(1, () -> hundreds.annotate("r", count("review")).orderBy("h").valuesList("h", "r").list()))
                .containsExactly(List.of(1L, 1L), List.of(3L, 3L), List.of(4L, 2L));
    }

    // ----- alias() -----

    @Test
    void anAliasFiltersTheRowsAggregated(Queries queries) {
        Book.rows();
        // Django: alias(n=Count('books')).filter(n__gte=2).aggregate(Count('id')) -> 2.
        assertThat(queries.assertNumQueries(1, () -> Author.objects.alias("n", count("books")).filter("n__gte", 2)
                .aggregate(count("id")))).isEqualTo(2L);
        // Django: alias(n=Count('books')).aggregate(Count('id')) -> 4 (the alias groups by author).
        assertThat(queries.assertNumQueries(1, () -> Author.objects.alias("n", count("books")).aggregate(count("id"))))
                .isEqualTo(4L);
    }

    @Test
    void anAliasCanBeAggregated(Queries queries) {
        Book.rows();
        // Django 3.2 refuses: "Cannot aggregate over the 'n' alias. Use annotate() to promote it."; Quarry
        // aggregates it as Django does once promoted: annotate(n=Count('books')).aggregate(Avg('n')) -> 1.25.
        assertThat(queries.assertNumQueries(1, () -> Author.objects.alias("n", count("books")).aggregate(avg("n"))))
                .isEqualTo(1.25);
        // Django 3.2 refuses alias(d=F('pages') * 2).aggregate(Sum('d')); promoted: 2928.
        assertThat(queries.assertNumQueries(1, () -> Book.objects.alias("d", F.of("pages").times(2))
                .aggregate(sum("d", Long.class)))).isEqualTo(2928L);
    }

    // ----- mistakes -----

    @Test
    void mistakesFailBeforeSql(Queries queries) {
        Book.rows();
        queries.assertNumQueries(0, () -> {
            // Django: "Cannot resolve keyword 'book_count' into field. Choices are: books, id, name".
            assertThatThrownBy(() -> Author.objects.aggregate(avg("book_count"))).isInstanceOf(FieldError.class)
                    .hasMessageContaining("book_count").hasMessageContaining("books").hasMessageContaining("name");
            // Django: "Cannot resolve keyword 'bookcount' into field. Choices are: book_count, books, id, name".
            assertThatThrownBy(() -> COUNTED.aggregate(avg("bookcount"))).isInstanceOf(FieldError.class)
                    .hasMessageContaining("'bookcount'").hasMessageContaining("Choices are: book_count, books, id, name");
            // An aggregate of an aggregate: Django fails in the database; Quarry when it is built.
            assertThatThrownBy(() -> Author.objects.aggregate(sum(count("books")))).isInstanceOf(FieldError.class)
                    .hasMessageContaining("aggregate(avg(\"alias\"))");
            assertThatThrownBy(() -> COUNTED.aggregate(Map.of("avg(book_count)", avg("book_count"))))
                    .isInstanceOf(FieldError.class).hasMessageContaining("Invalid aggregate alias");
        });
    }

    @Test
    void anAggregateMayReuseTheNameOfTheAnnotationItAggregates(Queries queries) {
        Book.rows();
        // Django 3.2 refuses ("Cannot compute Avg('book_count'): 'book_count' is an aggregate"), a bug
        // Django 4.2 fixed (ticket #31679): the aggregate is computed outside the query it wraps.
        assertThat(queries.assertNumQueries(1, () -> COUNTED.aggregate(Map.of("book_count", avg("book_count")))).asMap())
                .containsExactly(Map.entry("book_count", 1.25));
    }

    @Test
    void manyAnnotationsKeepTheirOrderAndValues(Queries queries) {
        Book.rows();
        // More annotations than an OrderedMap searches in order (8): found by name, selected in the order given.
        QuerySet<Book> qs = Book.objects.filter("title", "Dune");
        for (int i = 1; i <= 12; i++) {
            qs = qs.annotate("p" + i, F.of("pages").times(i));
        }
        QuerySet<Book> annotated = qs.filter("p12__gt", 0).orderBy("-p11");
        List<Object> row = queries.assertNumQueries(1, () -> annotated.valuesList("p12", "p1", "p9", "title").list().get(0));
        assertThat(row).containsExactly(412L * 12, 412L, 412L * 9, "Dune");
        Book dune = queries.assertNumQueries(1, () -> annotated.get());
        for (int i = 1; i <= 12; i++) {
            assertThat(((Number) dune.annotation("p" + i)).longValue()).isEqualTo(412L * i);
        }
    }

    @Test
    void aggregateLeavesTheQuerySetUnchanged(Queries queries) {
        Book.rows();
        String before = COUNTED.sql().text();
        Aggregation a = queries.assertNumQueries(1, () -> COUNTED.aggregate(avg("book_count"), count("id")));
        assertThat(a.get(avg("book_count"))).isEqualTo(1.25);
        assertThat(COUNTED.sql().text()).isEqualTo(before);
    }
}
