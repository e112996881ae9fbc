package dev.quarry.arithmetic;

import static dev.quarry.expr.Aggregates.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.FieldError;
import dev.quarry.Ordering;
import dev.quarry.Q;
import dev.quarry.QueryError;
import dev.quarry.expr.F;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * F() and arithmetic in every place Django takes them: filter and exclude values, annotate, alias,
 * orderBy, values, update() and save(). Expected values are Django 3.2's on the same rows
 * ({@code django_arithmetic.py} beside this class), except where a test says Quarry is deliberately
 * different.
 */
@QuarryTest(models = {Author.class, Book.class, Review.class})
class ArithmeticTest {

    /**
     * <pre>
     * ann (1950, min 3): Dune  412 pages 9.99  rating 4.5  stock 5  reviews 5 (u1), 3 (u2)
     *                    Emma  474 pages 12.50 rating 3.75 stock 0  reviews 4 (u3)
     * bob (1970, min 4): Faust 158 pages 7.25  rating 4.0  stock 2  reviews 4 (u4), 5 (u5)
     * cat (no year, min 5): no books
     * </pre>
     */
    private static final class Shelf {
        final Author ann = author("ann", 1950, 3);
        final Author bob = author("bob", 1970, 4);
        final Author cat = author("cat", null, 5);
        final Book dune = book("Dune", 412, "9.99", 4.5, 5, LocalDate.of(1965, 8, 1), ann);
        final Book emma = book("Emma", 474, "12.50", 3.75, 0, LocalDate.of(1996, 6, 15), ann);
        final Book faust = book("Faust", 158, "7.25", 4.0, 2, LocalDate.of(2003, 3, 18), bob);

        Shelf() {
            review(dune, 5, "u1");
            review(dune, 3, "u2");
            review(emma, 4, "u3");
            review(faust, 4, "u4");
            review(faust, 5, "u5");
        }

        private static Author author(String name, Integer year, int minRating) {
            return Author.objects.create(a -> {
                a.name = name;
                a.birthYear = year;
                a.minRating = minRating;
            });
        }

        private static Book book(String title, int pages, String price, double rating, int stock, LocalDate published,
                                 Author author) {
            return Book.objects.create(b -> {
                b.title = title;
                b.pages = pages;
                b.price = new BigDecimal(price);
                b.rating = rating;
                b.stock = stock;
                b.published = published;
                b.author.set(author);
            });
        }

        private static void review(Book book, int rating, String user) {
            Review.objects.create(r -> {
                r.book.set(book);
                r.rating = rating;
                r.userName = user;
            });
        }
    }

    private static List<String> titles(Queries queries, dev.quarry.QuerySet<Book> qs) {
        return queries.assertNumQueries(1, () -> qs.orderBy("id").valuesList("title", String.class).list());
    }

    // ----- filter and exclude -----

    @Test
    void filterComparesAColumnWithAnExpressionOfTheSameRow(Queries queries) {
        new Shelf();
        // Django: filter(stock__lt=F('pages') / 100) -> ['Emma'] (whole-number division: 412 / 100 = 4).
        assertThat(titles(queries, Book.objects.filter("stock__lt", F.of("pages").div(100)))).containsExactly("Emma");
    }

    @Test
    void fAcrossRelationsJoinsAsALookupDoes(Queries queries) {
        new Shelf();
        // Django: Review.objects.filter(rating__gt=F('book__author__min_rating')) -> u1, u3, u5.
        List<String> users = queries.assertNumQueries(1, () -> Review.objects.filter("rating__gt",
                F.of("book__author__min_rating")).orderBy("id").valuesList("user_name", String.class).list());
        assertThat(users).containsExactly("u1", "u3", "u5");
    }

    @Test
    void excludeWithF(Queries queries) {
        new Shelf();
        // Django: exclude(stock__gte=F('author__min_rating')) -> ['Emma', 'Faust'].
        assertThat(titles(queries, Book.objects.exclude("stock__gte", F.of("author__min_rating"))))
                .containsExactly("Emma", "Faust");
    }

    @Test
    void multiValuedFPathSharesTheJoinOfItsFilterCall(Queries queries) {
        new Shelf();
        // Django: filter(books__pages__gt=F('books__stock') * 100) -> ['ann'] (Emma: 474 > 0 on the same book).
        List<String> names = queries.assertNumQueries(1, () -> Author.objects.filter("books__pages__gt",
                F.of("books__stock").times(100)).orderBy("id").valuesList("name", String.class).list());
        assertThat(names).containsExactly("ann");
        // Django: filter(books__stock__gt=0).filter(books__pages__gt=F('books__stock') * 100).distinct() -> ['ann']:
        // the F of the second call uses that call's join.
        List<String> chained = queries.assertNumQueries(1, () -> Author.objects.filter("books__stock__gt", 0)
                .filter("books__pages__gt", F.of("books__stock").times(100)).distinct().orderBy("id")
                .valuesList("name", String.class).list());
        assertThat(chained).containsExactly("ann");
    }

    @Test
    void excludeWithAMultiValuedFIsTheComplementOfTheFilter(Queries queries) {
        new Shelf();
        // Deliberately not Django's answer: Django 3.2 gives ['ann', 'bob', 'cat'] for
        // exclude(books__pages__gt=F('books__stock') * 100), although the same filter() gives ['ann'].
        // Quarry's exclude() is the exact complement of filter() (DESIGN.md, Django's #14645).
        List<String> names = queries.assertNumQueries(1, () -> Author.objects.exclude("books__pages__gt",
                F.of("books__stock").times(100)).orderBy("id").valuesList("name", String.class).list());
        assertThat(names).containsExactly("bob", "cat");
    }

    @Test
    void filterOnAnAggregateAgainstAColumnIsHaving(Queries queries) {
        new Shelf();
        // Django: annotate(n=Count('review')).filter(n__gte=F('stock')) -> ['Emma', 'Faust'].
        List<String> found = queries.assertNumQueries(1, () -> Book.objects.annotate("n", count("review"))
                .filter("n__gte", F.of("stock")).orderBy("id").valuesList("title", String.class).list());
        assertThat(found).containsExactly("Emma", "Faust");
    }

    // ----- annotate, alias, values, orderBy -----

    @Test
    void annotateComputesWithDjangosKinds(Queries queries) {
        new Shelf();
        // Django: F('price') * F('stock') -> Decimal 49.95, 0, 14.5.
        List<Book> books = queries.assertNumQueries(1, () -> Book.objects.annotate("value", F.of("price").times(F.of("stock")))
                .orderBy("id").list());
        assertThat(books).extracting(b -> b.annotation("value", BigDecimal.class))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("49.95"), BigDecimal.ZERO, new BigDecimal("14.5"));
        // Django: F('pages') + F('rating') -> 416.5, 477.75, 162.0 (a float).
        assertThat(values(queries, F.of("pages").plus(F.of("rating")), Double.class)).containsExactly(416.5, 477.75, 162.0);
        // Django: F('pages') / 100 -> 4, 4, 1 and F('pages') % 100 -> 12, 74, 58: whole numbers on every database.
        assertThat(values(queries, F.of("pages").div(100), Long.class)).containsExactly(4L, 4L, 1L);
        assertThat(values(queries, F.of("pages").mod(100), Long.class)).containsExactly(12L, 74L, 58L);
        // Django: F('author__birth_year') + F('pages') -> 2362, 2424, 2128.
        assertThat(values(queries, F.of("author__birth_year").plus(F.of("pages")), Long.class))
                .containsExactly(2362L, 2424L, 2128L);
    }

    private static <V> List<V> values(Queries queries, dev.quarry.expr.Expression<?> e, Class<V> type) {
        return queries.assertNumQueries(1, () -> Book.objects.annotate("x", e).orderBy("id").valuesList("x", type).list());
    }

    @Test
    void aliasFiltersWithoutBeingSelected(Queries queries) {
        new Shelf();
        // Django: alias(total=F('stock') * F('price')).filter(total__gt=10) -> ['Dune', 'Faust'].
        var qs = Book.objects.alias("total", F.of("stock").times(F.of("price"))).filter("total__gt", 10);
        assertThat(titles(queries, qs)).containsExactly("Dune", "Faust");
        assertThat(qs.sql().text()).doesNotContain("AS " + quoted(qs, "total"));
        Book b = queries.assertNumQueries(1, () -> qs.orderBy("id").first().orElseThrow());
        assertThatThrownBy(() -> b.annotation("total", BigDecimal.class)).isInstanceOf(FieldError.class);
        // Django: values('total') of an alias -> FieldError "Cannot select the 'total' alias. Use annotate() to promote it."
        assertThatThrownBy(() -> qs.values("total")).isInstanceOf(FieldError.class)
                .hasMessageContaining("Cannot select the 'total' alias").hasMessageContaining("annotate()");
    }

    private static String quoted(dev.quarry.QuerySet<?> qs, String name) {
        return qs.sql().text().contains("`") ? "`" + name + "`" : "\"" + name + "\"";
    }

    @Test
    void orderByAnExpressionWithDirectionAndNulls(Queries queries) {
        new Shelf();
        // Django: order_by((F('stock') - F('pages') / 100).desc()) -> Dune (1), Faust (1), Emma (-4).
        List<String> byExpr = queries.assertNumQueries(1, () -> Book.objects
                .orderBy(F.of("stock").minus(F.of("pages").div(100)).desc(), Ordering.asc("id"))
                .valuesList("title", String.class).list());
        assertThat(byExpr).containsExactly("Dune", "Faust", "Emma");
        // Django: order_by(F('birth_year').asc(nulls_first=True)) -> cat, ann, bob; desc(nulls_last=True) -> bob, ann, cat.
        assertThat(queries.assertNumQueries(1, () -> Author.objects.orderBy(F.of("birth_year").asc().nullsFirst())
                .valuesList("name", String.class).list())).containsExactly("cat", "ann", "bob");
        assertThat(queries.assertNumQueries(1, () -> Author.objects.orderBy(F.of("birth_year").desc().nullsLast())
                .valuesList("name", String.class).list())).containsExactly("bob", "ann", "cat");
    }

    @Test
    void valuesSelectPathsAndAnnotatedExpressions(Queries queries) {
        new Shelf();
        // Django: values_list('title', 'author__name') -> (Dune, ann), (Emma, ann), (Faust, bob).
        assertThat(queries.assertNumQueries(1, () -> Book.objects.orderBy("id").valuesList("title", "author__name").list()))
                .containsExactly(List.of("Dune", "ann"), List.of("Emma", "ann"), List.of("Faust", "bob"));
        // Django: annotate(left=F('stock') - 1).values('title', 'left') -> 4, -1, 1.
        List<Map<String, Object>> rows = queries.assertNumQueries(1, () -> Book.objects
                .annotate("left", F.of("stock").minus(1)).orderBy("id").values("title", "left").list());
        assertThat(rows).extracting(r -> r.get("title"), r -> ((Number) r.get("left")).intValue())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Dune", 4), org.assertj.core.groups.Tuple.tuple("Emma", -1),
                        org.assertj.core.groups.Tuple.tuple("Faust", 1));
    }

    // ----- writes -----

    @Test
    void updateWithAnExpressionIsOneStatement(Queries queries) {
        new Shelf();
        // Django: update(stock=F('stock') - 1) -> 3 rows in 1 query; stocks 4, -1, 1.
        int n = queries.assertNumQueries(1, () -> Book.objects.update("stock", F.of("stock").minus(1)));
        assertThat(n).isEqualTo(3);
        assertThat(stocks(queries)).containsExactly(4, -1, 1);
        // Django: filter(author__name='ann').update(stock=F('stock') + F('pages') / 100) -> 2 rows, 1 query; 8, 3, 1.
        int m = queries.assertNumQueries(1, () -> Book.objects.filter("author__name", "ann")
                .update("stock", F.of("stock").plus(F.of("pages").div(100))));
        assertThat(m).isEqualTo(2);
        assertThat(stocks(queries)).containsExactly(8, 3, 1);
    }

    private static List<Integer> stocks(Queries queries) {
        return queries.assertNumQueries(1, () -> Book.objects.orderBy("id").valuesList("stock", Integer.class).list());
    }

    @Test
    void saveWritesAnAssignedExpressionAndReadsTheFieldBack(Queries queries) {
        Shelf s = new Shelf();
        Book dune = Book.objects.get("title", "Dune");
        // Another writer changes the row after we read it; the expression builds on the row, not on our copy.
        Book.objects.filter("title", "Dune").update("stock", 8);
        dune.assign("stock", F.of("stock").plus(10));
        dune.title = "Dune (2nd)";
        // One UPDATE writing stock = stock + 10 with the other fields, one SELECT reading stock back.
        queries.assertNumQueries(2, dune::save);
        assertThat(dune.stock).isEqualTo(18);
        assertThat(queries.assertNumQueries(1, () -> Book.objects.get("pk", s.dune.pk()).stock)).isEqualTo(18);
        // The expression was used once: saving again writes the field's value.
        dune.stock = 3;
        queries.assertNumQueries(1, dune::save);
        assertThat(Book.objects.get("pk", s.dune.pk()).stock).isEqualTo(3);
        // saveOnly writes the expression only when it names the field.
        dune.assign("stock", F.of("stock").times(2));
        queries.assertNumQueries(2, () -> dune.saveOnly("stock"));
        assertThat(dune.stock).isEqualTo(6);
    }

    @Test
    void anExpressionCannotInsert(Queries queries) {
        Shelf s = new Shelf();
        Book fresh = new Book();
        fresh.title = "New";
        fresh.price = BigDecimal.ONE;
        fresh.published = LocalDate.of(2000, 1, 1);
        fresh.author.set(s.ann);
        fresh.assign("pages", F.of("pages").plus(1));
        // Django: "F() expressions can only be used to update, not to insert."
        queries.assertNumQueries(0, () -> assertThatThrownBy(fresh::save).isInstanceOf(QueryError.class)
                .hasMessageContaining("can only update an existing row").hasMessageContaining("pages"));
    }

    // ----- mistakes, refused before SQL -----

    @Test
    void arithmeticOnTextIsRefusedBeforeSql(Queries queries) {
        new Shelf();
        // Django: "Expression contains mixed types: CharField, IntegerField. You must set output_field."
        queries.assertNumQueries(0, () -> assertThatThrownBy(() -> Book.objects.annotate("x", F.of("title").plus(1)))
                .isInstanceOf(FieldError.class).hasMessageContaining("F(title)").hasMessageContaining("'+' needs numbers")
                .hasMessageContaining("text (CHAR)").hasMessageContaining("Book"));
        queries.assertNumQueries(0, () -> assertThatThrownBy(() -> Book.objects.filter("pages", F.of("title").times(2)))
                .isInstanceOf(FieldError.class).hasMessageContaining("'*' needs numbers"));
        queries.assertNumQueries(0, () -> assertThatThrownBy(() -> Book.objects.update("pages", F.of("published").plus(1)))
                .isInstanceOf(FieldError.class).hasMessageContaining("dates (DATE)"));
        queries.assertNumQueries(0, () -> assertThatThrownBy(() -> Book.objects.update("title", F.of("pages")))
                .isInstanceOf(FieldError.class).hasMessageContaining("Book.title"));
    }

    @Test
    void unknownFieldsInFListTheChoices(Queries queries) {
        new Shelf();
        // Django: "Cannot resolve keyword 'nope' into field. Choices are: author, author_id, id, pages, ..."
        queries.assertNumQueries(0, () -> assertThatThrownBy(() -> Book.objects.filter("pages", F.of("nope")))
                .isInstanceOf(FieldError.class).hasMessageContaining("Cannot resolve keyword 'nope'")
                .hasMessageContaining("pages").hasMessageContaining("review"));
        queries.assertNumQueries(0, () -> assertThatThrownBy(() -> Author.objects.orderBy(F.of("books__nope").asc()))
                .isInstanceOf(FieldError.class).hasMessageContaining("'nope'"));
    }

    @Test
    void updateRefusesJoinedReferences(Queries queries) {
        new Shelf();
        // Django: "Joined field references are not permitted in this query".
        queries.assertNumQueries(0, () -> assertThatThrownBy(() -> Book.objects.update("stock", F.of("author__min_rating")))
                .isInstanceOf(FieldError.class).hasMessageContaining("joined field references are not permitted"));
    }

    @Test
    void aQTakesAnFToo(Queries queries) {
        new Shelf();
        List<String> found = queries.assertNumQueries(1, () -> Book.objects.filter(Q.of("stock__gt", F.of("pages").div(200))
                .or(Q.of("rating__gte", F.of("stock")))).orderBy("id").valuesList("title", String.class).list());
        // Dune: 5 > 2; Emma: 3.75 >= 0; Faust: 2 > 0.
        assertThat(found).containsExactly("Dune", "Emma", "Faust");
    }
}
