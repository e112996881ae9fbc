package dev.quarry.subqueries;

import static dev.quarry.expr.Aggregates.avg;
import static dev.quarry.expr.Aggregates.count;
import static dev.quarry.expr.Functions.coalesce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.Ordering;
import dev.quarry.Q;
import dev.quarry.QueryError;
import dev.quarry.QuerySet;
import dev.quarry.expr.Exists;
import dev.quarry.expr.F;
import dev.quarry.expr.OuterRef;
import dev.quarry.expr.Subquery;
import dev.quarry.expr.Value;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Subqueries: {@code Subquery} with {@code OuterRef} (nested too), {@code Exists} in annotate,
 * filter and orderBy, negated, and {@code filter("author__in", someQuerySet)}; each one statement,
 * with Django 3.2's results on the same rows ({@code django_subqueries.py}).
 */
@QuarryTest(models = {Author.class, Book.class, Review.class})
class SubqueryTest {
    private static final QuerySet<Review> REVIEWED = Review.objects.filter("book__author", OuterRef.of("pk"));

    private static List<String> names(Queries queries, QuerySet<Author> qs) {
        return queries.assertNumQueries(1, () -> qs.valuesList("name", String.class).list());
    }

    private static List<String> titles(Queries queries, QuerySet<Book> qs) {
        return queries.assertNumQueries(1, () -> qs.orderBy("id").valuesList("title", String.class).list());
    }

    @Test
    void aSubqueryAnnotatesEachRow(Queries queries) {
        Book.rows();
        var newest = Book.objects.filter("author", OuterRef.of("pk")).orderBy("-published").valuesList("title", String.class)
                .limit(1);
        List<List<Object>> rows = queries.assertNumQueries(1, () -> Author.objects.annotate("t", Subquery.of(newest, String.class))
                .orderBy("id").valuesList("name", "t").list());
        assertThat(rows).containsExactly(List.of("ann", "Emma"), List.of("bob", "Faust"), java.util.Arrays.asList("cat", null));
        // Django's count-per-row pattern: values('author').annotate(n=Count('id')).values('n').
        var counted = Book.objects.filter("author", OuterRef.of("pk")).values("author").annotate("n", count("id")).values("n");
        assertThat(queries.assertNumQueries(1, () -> Author.objects.annotate("n", Subquery.of(counted, Long.class)).orderBy("id")
                .valuesList("n", Long.class).list())).containsExactly(2L, 1L, null);
    }

    @Test
    void existsAnnotatesFiltersAndOrders(Queries queries) {
        Book.rows();
        assertThat(queries.assertNumQueries(1, () -> Author.objects.annotate("r", Exists.of(REVIEWED)).orderBy("id")
                .valuesList("r", Boolean.class).list())).containsExactly(true, true, false);
        assertThat(names(queries, Author.objects.filter(Q.of(Exists.of(REVIEWED))).orderBy("id"))).containsExactly("ann", "bob");
        assertThat(names(queries, Author.objects.filter(Q.of(Exists.of(REVIEWED).negate())).orderBy("id"))).containsExactly("cat");
        assertThat(names(queries, Author.objects.exclude(Q.of(Exists.of(REVIEWED))).orderBy("id"))).containsExactly("cat");
        assertThat(names(queries, Author.objects.orderBy(Exists.of(REVIEWED).desc(), Ordering.desc("name"))))
                .containsExactly("bob", "ann", "cat");
    }

    @Test
    void nestedOuterRefsReachTwoQueriesOut(Queries queries) {
        Book.rows();
        // Authors with a book that has a five-star review of one of the author's own books.
        var five = Review.objects.filter(Q.of("book", OuterRef.of("pk")), Q.of("stars__gte", 5),
                Q.of("book__author", OuterRef.of(OuterRef.of("pk"))));
        var books = Book.objects.filter("author", OuterRef.of("pk")).filter(Q.of(Exists.of(five)));
        assertThat(names(queries, Author.objects.filter(Q.of(Exists.of(books))).orderBy("id"))).containsExactly("ann");
        // A subquery whose own annotation is a subquery.
        var best = Review.objects.filter("book", OuterRef.of("pk")).orderBy("-stars").valuesList("stars", Integer.class).limit(1);
        var top = Book.objects.filter("author", OuterRef.of("pk")).annotate("best", Subquery.of(best))
                .orderBy(F.of("best").desc().nullsLast()).values("title").limit(1);
        assertThat(queries.assertNumQueries(1, () -> Author.objects.annotate("t", Subquery.of(top)).orderBy("id")
                .valuesList("t", String.class).list())).containsExactly("Dune", "Faust", null);
    }

    @Test
    void inTakesAQuerySet(Queries queries) {
        Book.rows();
        assertThat(titles(queries, Book.objects.filter("author__in", Author.objects.filter("name__startswith", "a"))))
                .containsExactly("Dune", "Emma");
        assertThat(titles(queries, Book.objects.filter("id__in", Review.objects.values("book")))).containsExactly("Dune", "Faust");
        assertThat(titles(queries, Book.objects.exclude("author__in", Author.objects.filter("name", "ann"))))
                .containsExactly("Faust");
        assertThat(titles(queries, Book.objects.filter("author__in", Author.objects.filter("name", "zed")))).isEmpty();
    }

    @Test
    void aSubqueryAsAFilterValue(Queries queries) {
        Book.rows();
        assertThat(titles(queries, Book.objects.filter("rating__gte", Subquery.of(Book.objects.filter("title", "Faust")
                .values("rating"))))).containsExactly("Dune", "Faust");
        var authorsAverage = Book.objects.filter("author", OuterRef.of("author")).values("author").annotate("a", avg("rating"))
                .values("a");
        assertThat(titles(queries, Book.objects.filter("rating__gt", Subquery.of(authorsAverage)))).containsExactly("Dune");
    }

    @Test
    void updateWithACorrelatedSubqueryIsOneStatement(Queries queries) {
        Book.rows();
        var stars = Review.objects.filter("book", OuterRef.of("pk")).values("book").annotate("a", avg("stars")).values("a");
        int n = queries.assertNumQueries(1, () -> Book.objects.update("rating", coalesce(Subquery.of(stars), Value.of(0.0))));
        assertThat(n).isEqualTo(3);
        assertThat(Book.objects.orderBy("id").valuesList("rating", Double.class).list()).containsExactly(4.0, 0.0, 4.0);
    }

    @Test
    void mistakesAreRefusedBeforeSql(Queries queries) {
        Book.rows();
        queries.assertNumQueries(0, () -> {
            // Django: "This queryset contains a reference to an outer query and may only be used in a subquery."
            assertThatThrownBy(() -> Book.objects.filter("author", OuterRef.of("pk")).list()).isInstanceOf(QueryError.class)
                    .hasMessageContaining("OuterRef('pk')").hasMessageContaining("inside Subquery(...) or Exists(...)");
            assertThatThrownBy(() -> Book.objects.filter("author", OuterRef.of("pk")).count()).isInstanceOf(QueryError.class);
            assertThatThrownBy(() -> Author.objects.annotate("t", Subquery.of(Book.objects.filter("author", OuterRef.of("pk"))
                    .values("title", "rating")))).isInstanceOf(QueryError.class).hasMessageContaining("exactly one value");
            assertThatThrownBy(() -> Author.objects.annotate("t", Subquery.of(Book.objects.all()))).isInstanceOf(QueryError.class)
                    .hasMessageContaining("add .values(\"field\")");
            assertThatThrownBy(() -> Book.objects.filter("author__in", Book.objects.all())).isInstanceOf(QueryError.class)
                    .hasMessageContaining("use a query of Author");
            assertThatThrownBy(() -> Author.objects.annotate("t", Subquery.of(Book.objects.filter("author", OuterRef.of("nope"))
                    .values("title")))).isInstanceOf(dev.quarry.FieldError.class).hasMessageContaining("'nope'");
            assertThatThrownBy(() -> Book.objects.filter("author", Subquery.of(Author.objects.values("id"), Long.class))
                    .filter("title__startswith", OuterRef.of("name")).list()).isInstanceOf(QueryError.class);
        });
    }
}
