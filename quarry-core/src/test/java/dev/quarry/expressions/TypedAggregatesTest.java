package dev.quarry.expressions;

import static dev.quarry.expr.Aggregates.avg;
import static dev.quarry.expr.Aggregates.count;
import static dev.quarry.expr.Aggregates.max;
import static dev.quarry.expr.Aggregates.min;
import static dev.quarry.expr.Aggregates.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.quarry.Aggregation;
import dev.quarry.FieldError;
import dev.quarry.InvalidValueError;
import dev.quarry.QueryError;
import dev.quarry.expr.Aggregate;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Typed aggregates: each result comes back as the Java type its aggregate promises (a count a
 * Long, an average a Double, a sum the integer, decimal or float type of its field), a type the
 * field cannot give is refused before any SQL, and annotation aliases are checked before any SQL.
 * Every value was checked against Django 3.2 on the same rows ({@code typed_aggregates_django.py}
 * in this package's test resources): {@link Shelf}.
 */
@QuarryTest(models = {Author.class, Book.class})
class TypedAggregatesTest {

    /**
     * <pre>
     * ann: Dune  412 pages  9.99  rating 4.5   1965-08-01  3,000,000,000 copies
     *      Emma  474 pages 12.50  rating 3.75  1996-06-15  1,000,000,000 copies
     * bob: Faust 158 pages  7.25  rating 4.0   2003-03-18         50,000 copies
     * cat: no books
     * </pre>
     */
    private static final class Shelf {
        final Author ann = Author.objects.create(a -> a.name = "ann");
        final Author bob = Author.objects.create(a -> a.name = "bob");
        final Author cat = Author.objects.create(a -> a.name = "cat");

        Shelf() {
            book("Dune", 412, "9.99", 4.5, LocalDate.of(1965, 8, 1), 3_000_000_000L, ann);
            book("Emma", 474, "12.50", 3.75, LocalDate.of(1996, 6, 15), 1_000_000_000L, ann);
            book("Faust", 158, "7.25", 4.0, LocalDate.of(2003, 3, 18), 50_000L, bob);
        }

        private static void book(String title, int pages, String price, double rating, LocalDate published, long copies,
                                 Author author) {
            Book.objects.create(b -> {
                b.title = title;
                b.pages = pages;
                b.price = new BigDecimal(price);
                b.rating = rating;
                b.published = published;
                b.copies = copies;
                b.author.set(author);
            });
        }
    }

    // ----- each aggregate's Java type -----

    @Test
    void countIsALong(Queries queries) {
        new Shelf();
        // Django: aggregate(Count('id')) -> 3; Count('author', distinct=True) -> 2 (ints).
        Long n = queries.assertNumQueries(1, () -> Book.objects.aggregate(count("id")));
        assertThat(n).isEqualTo(3L);
        assertThat(queries.assertNumQueries(1, () -> Book.objects.aggregate(count("author", true)))).isEqualTo(2L);
        assertThat(queries.assertNumQueries(1, () -> Book.objects.aggregate(count("author").distinct()))).isEqualTo(2L);
    }

    @Test
    void avgIsADouble(Queries queries) {
        new Shelf();
        // Django: Avg('pages') -> 348.0, Avg('rating') -> 4.083333333333333 (floats).
        Double pages = queries.assertNumQueries(1, () -> Book.objects.aggregate(avg("pages")));
        assertThat(pages).isEqualTo(348.0);
        Double rating = queries.assertNumQueries(1, () -> Book.objects.aggregate(avg("rating")));
        assertThat(rating).isCloseTo(4.083333333333333, within(1e-9));
    }

    @Test
    void sumIsALongForIntegerFields(Queries queries) {
        new Shelf();
        // Django: Sum('pages') -> 1044 (int).
        Number untyped = queries.assertNumQueries(1, () -> Book.objects.aggregate(sum("pages")));
        assertThat(untyped).isInstanceOf(Long.class).isEqualTo(1044L);
        Long typed = queries.assertNumQueries(1, () -> Book.objects.aggregate(sum("pages", Long.class)));
        assertThat(typed).isEqualTo(1044L);
        // A 64-bit column sums past the 32-bit range.
        assertThat(queries.assertNumQueries(1, () -> Book.objects.aggregate(sum("copies", Long.class))))
                .isEqualTo(4_000_050_000L);
    }

    @Test
    void sumIsABigDecimalForDecimalFields(Queries queries) {
        new Shelf();
        // Django: Sum('price') -> Decimal('29.74') (SQLite: Decimal('29.7400000000000')).
        Number untyped = queries.assertNumQueries(1, () -> Book.objects.aggregate(sum("price")));
        assertThat(untyped).isInstanceOf(BigDecimal.class);
        assertThat((BigDecimal) untyped).isEqualByComparingTo("29.74");
        BigDecimal typed = queries.assertNumQueries(1, () -> Book.objects.aggregate(sum("price", BigDecimal.class)));
        assertThat(typed).isEqualByComparingTo("29.74");
    }

    @Test
    void sumIsADoubleForFloatFields(Queries queries) {
        new Shelf();
        // Django: Sum('rating') -> 12.25 (float).
        Number untyped = queries.assertNumQueries(1, () -> Book.objects.aggregate(sum("rating")));
        assertThat(untyped).isInstanceOf(Double.class).isEqualTo(12.25);
        assertThat(queries.assertNumQueries(1, () -> Book.objects.aggregate(sum("rating", Double.class)))).isEqualTo(12.25);
    }

    @Test
    void minAndMaxOfADateAreLocalDates(Queries queries) {
        new Shelf();
        // Django: Min('published') -> date(1965, 8, 1), Max('published') -> date(2003, 3, 18).
        LocalDate first = queries.assertNumQueries(1, () -> Book.objects.aggregate(min("published", LocalDate.class)));
        LocalDate last = queries.assertNumQueries(1, () -> Book.objects.aggregate(max("published", LocalDate.class)));
        assertThat(first).isEqualTo(LocalDate.of(1965, 8, 1));
        assertThat(last).isEqualTo(LocalDate.of(2003, 3, 18));
        // Untyped, the field's own Java type.
        assertThat(queries.assertNumQueries(1, () -> Book.objects.aggregate(max("published")))).isEqualTo(LocalDate.of(2003, 3, 18));
        assertThat(queries.assertNumQueries(1, () -> Book.objects.aggregate(max("pages", Integer.class)))).isEqualTo(474);
    }

    @Test
    void aTypeTheFieldCannotGiveIsRefusedBeforeAnySql(Queries queries) {
        new Shelf();
        queries.assertNumQueries(0, () -> {
            FieldError date = catchThrowableOfType(FieldError.class, () -> Book.objects.aggregate(max("title", LocalDate.class)));
            assertThat(date).isNotNull();
            assertThat(date.getMessage()).contains("'title'").contains("String").contains("LocalDate");
            assertThat(date.name()).contains("title");
            FieldError number = catchThrowableOfType(FieldError.class, () -> Book.objects.aggregate(sum("title", Long.class)));
            assertThat(number).isNotNull();
            assertThat(number.getMessage()).contains("'title'").contains("Long");
            // A decimal sum is not a whole number; a date is not a number at all.
            assertThat(catchThrowableOfType(FieldError.class, () -> Book.objects.aggregate(sum("price", Long.class))))
                    .isNotNull();
            assertThat(catchThrowableOfType(FieldError.class, () -> Book.objects.aggregate(min("published", Long.class))))
                    .hasMessageContaining("'published'");
            // The same check in annotate, while the QuerySet is built.
            FieldError annotated = catchThrowableOfType(FieldError.class,
                    () -> Author.objects.annotate("first", max("books__published", Long.class)));
            assertThat(annotated).isNotNull();
            assertThat(annotated.getMessage()).contains("books__published").contains("LocalDate");
        });
    }

    // ----- empty tables -----

    @Test
    void aggregatesOverNoRowsAreNullExceptCountWhichIsZero(Queries queries) {
        // Django on empty tables: Count -> 0; Avg, Sum, Min, Max -> None.
        queries.assertNumQueries(5, () -> {
            Long n = Book.objects.aggregate(count("id"));
            Double average = Book.objects.aggregate(avg("pages"));
            Number total = Book.objects.aggregate(sum("price"));
            LocalDate first = Book.objects.aggregate(min("published", LocalDate.class));
            Long copies = Book.objects.aggregate(sum("copies", Long.class));
            assertThat(n).isZero();
            assertThat(average).isNull();
            assertThat(total).isNull();
            assertThat(first).isNull();
            assertThat(copies).isNull();
        });
        Aggregation all = queries.assertNumQueries(1, () -> Book.objects.aggregate(count("id"), sum("pages"), max("published")));
        assertThat(all.asMap().keySet()).containsExactly("id__count", "pages__sum", "published__max");
        assertThat(all.asMap().values()).containsExactly(0L, null, null);
    }

    @Test
    void aggregatesOverAFilterThatMatchesNothing(Queries queries) {
        new Shelf();
        // Django: filter(author__name='cat').aggregate(Count('id'), Sum('pages')) -> {id__count: 0, pages__sum: None}.
        Aggregation none = queries.assertNumQueries(1, () -> Book.objects.filter("author__name", "cat")
                .aggregate(count("id"), sum("pages")));
        assertThat(none.get(count("id"))).isZero();
        assertThat(none.get(sum("pages"))).isNull();
        // Django: filter(author__name='bob').aggregate(Sum('pages')) -> 158.
        assertThat(queries.assertNumQueries(1, () -> Book.objects.filter("author__name", "bob").aggregate(sum("pages", Long.class))))
                .isEqualTo(158L);
    }

    // ----- several aggregates: Aggregation -----

    @Test
    void severalAggregatesRunInOneQueryUnderDjangosDefaultAliases(Queries queries) {
        new Shelf();
        Aggregate<Double> avgPages = avg("pages");
        Aggregate<Long> sumPages = sum("pages", Long.class);
        Aggregate<LocalDate> lastPublished = max("published", LocalDate.class);
        // Django: aggregate(Avg('pages'), Sum('pages'), Max('published'))
        //   -> {'pages__avg': 348.0, 'pages__sum': 1044, 'published__max': date(2003, 3, 18)}, in that order.
        Aggregation result = queries.assertNumQueries(1, () -> Book.objects.aggregate(avgPages, sumPages, lastPublished));
        queries.assertNumQueries(0, () -> {
            Double a = result.get(avgPages);
            Long s = result.get(sumPages);
            LocalDate d = result.get(lastPublished);
            assertThat(a).isEqualTo(348.0);
            assertThat(s).isEqualTo(1044L);
            assertThat(d).isEqualTo(LocalDate.of(2003, 3, 18));
            // Aggregates are values: an equal one finds the same result.
            assertThat(result.get(avg("pages"))).isEqualTo(348.0);
            assertThat(result.get("pages__sum")).isEqualTo(1044L);
            assertThat(result.get("pages__sum", Integer.class)).isEqualTo(1044);
            assertThat(result.get("pages__avg", BigDecimal.class)).isEqualByComparingTo("348");
            assertThat(result.asMap().keySet()).containsExactly("pages__avg", "pages__sum", "published__max");
            assertThat(result.asMap()).containsEntry("published__max", LocalDate.of(2003, 3, 18));
        });
    }

    @Test
    void aggregatesUnderChosenAliasesKeepTheOrderGiven(Queries queries) {
        new Shelf();
        Map<String, Aggregate<?>> asked = new LinkedHashMap<>();
        asked.put("shortest", min("pages", Integer.class));
        asked.put("longest", max("pages", Integer.class));
        asked.put("books", count("id"));
        // Django: aggregate(longest=Max('pages'), shortest=Min('pages')) -> {'longest': 474, 'shortest': 158}.
        Aggregation result = queries.assertNumQueries(1, () -> Book.objects.aggregate(asked));
        assertThat(result.asMap().keySet()).containsExactly("shortest", "longest", "books");
        assertThat(result.get("longest", Integer.class)).isEqualTo(474);
        assertThat(result.get(min("pages", Integer.class))).isEqualTo(158);
        assertThat(result.get("books", Long.class)).isEqualTo(3L);
        Aggregation one = queries.assertNumQueries(1, () -> Book.objects.aggregate(Map.of("total", sum("price", BigDecimal.class))));
        assertThat(one.get("total", BigDecimal.class)).isEqualByComparingTo("29.74");
        assertThat(one.asMap()).containsOnlyKeys("total");
    }

    @Test
    void anAggregationRefusesAnAliasOrAggregateItDoesNotHold(Queries queries) {
        new Shelf();
        Aggregation result = queries.assertNumQueries(1, () -> Book.objects.aggregate(avg("pages"), sum("pages")));
        queries.assertNumQueries(0, () -> {
            assertThat(catchThrowableOfType(FieldError.class, () -> result.get("pages__max")))
                    .hasMessageContaining("pages__avg").hasMessageContaining("pages__sum");
            assertThat(catchThrowableOfType(FieldError.class, () -> result.get(max("pages")))).isNotNull();
            assertThat(catchThrowableOfType(FieldError.class, () -> result.get("pages__avg", LocalDate.class))).isNotNull();
            assertThat(catchThrowableOfType(UnsupportedOperationException.class, () -> result.asMap().put("x", 1)))
                    .isNotNull();
        });
        assertThat(catchThrowableOfType(QueryError.class, () -> Book.objects.aggregate(Map.of()))).isNotNull();
    }

    // ----- annotations -----

    @Test
    void anAnnotationIsReadAsTheTypeAskedFor(Queries queries) {
        new Shelf();
        // Django: annotate(n=Count('books')).order_by('name') -> ann 2, bob 1, cat 0.
        List<Author> authors = queries.assertNumQueries(1, () -> Author.objects.annotate("n", count("books")).orderBy("name").list());
        queries.assertNumQueries(0, () -> {
            assertThat(authors).extracting(a -> a.annotation("n", Long.class)).containsExactly(2L, 1L, 0L);
            assertThat(authors).extracting(a -> a.annotation("n", Integer.class)).containsExactly(2, 1, 0);
            assertThat(authors).extracting(a -> a.annotation("n")).containsExactly(2L, 1L, 0L);
        });
        // Django: annotate(first=Min('books__published')) -> ann 1965-08-01, bob 2003-03-18, cat None.
        List<Author> dated = queries.assertNumQueries(1, () -> Author.objects
                .annotate("first", min("books__published", LocalDate.class)).orderBy("name").list());
        assertThat(dated).extracting(a -> a.annotation("first", LocalDate.class))
                .containsExactly(LocalDate.of(1965, 8, 1), LocalDate.of(2003, 3, 18), null);
    }

    @Test
    void narrowingAnAnnotationOutOfRangeIsRefused(Queries queries) {
        Shelf s = new Shelf();
        // Django: annotate(sold=Sum('books__copies')) -> ann 4000000000, bob 50000, cat None.
        List<Author> authors = queries.assertNumQueries(1, () -> Author.objects.annotate("sold", sum("books__copies"))
                .orderBy("name").list());
        Author ann = authors.get(0);
        Author bob = authors.get(1);
        assertThat(ann).isEqualTo(s.ann);
        assertThat(ann.annotation("sold", Long.class)).isEqualTo(4_000_000_000L);
        assertThat(bob.annotation("sold", Integer.class)).isEqualTo(50_000);
        assertThat(authors.get(2).annotation("sold", Integer.class)).isNull();
        InvalidValueError tooBig = catchThrowableOfType(InvalidValueError.class, () -> ann.annotation("sold", Integer.class));
        assertThat(tooBig).isNotNull();
        assertThat(tooBig.getMessage()).contains("sold").contains("Integer").contains("4000000000");
        assertThat(catchThrowableOfType(InvalidValueError.class, () -> bob.annotation("sold", Short.class)))
                .hasMessageContaining("Short");
        // Not a number type at all, and no such annotation.
        assertThat(catchThrowableOfType(FieldError.class, () -> bob.annotation("sold", LocalDate.class))).isNotNull();
        assertThat(catchThrowableOfType(FieldError.class, () -> bob.annotation("n", Long.class)))
                .hasMessageContaining("sold");
    }

    @Test
    void anInvalidAnnotationAliasIsRefusedBeforeAnySqlNamingIt(Queries queries) {
        new Shelf();
        // Django 3.2.25 refuses 'a b' and 'n; DROP' ("Column aliases cannot contain whitespace characters, ...,
        // semicolons") and accepts 'x__y' and '1n'; Quarry's aliases are Java identifiers without '__'.
        queries.assertNumQueries(0, () -> {
            for (String alias : List.of("a b", "x__y", "1n", "n; DROP", "", "n'")) {
                FieldError e = catchThrowableOfType(FieldError.class, () -> Author.objects.annotate(alias, count("books")));
                assertThat(e).as(alias).isNotNull();
                assertThat(e.name()).isEqualTo(alias);
                assertThat(e.model()).isEqualTo(Author.class);
                assertThat(e.getMessage()).as(alias).contains("alias '" + alias + "' on Author");
            }
            FieldError none = catchThrowableOfType(FieldError.class, () -> Author.objects.annotate(null, count("books")));
            assertThat(none).hasMessageContaining("alias null");
        });
    }

    @Test
    void anInvalidAggregateAliasIsRefusedButDoubleUnderscoresAreFine(Queries queries) {
        new Shelf();
        // Django 3.2.25 refuses unsafe aliases in aggregate() too; its own default aliases contain '__'.
        queries.assertNumQueries(0, () -> {
            for (String alias : List.of("a b", "n; DROP", "1n", "")) {
                FieldError e = catchThrowableOfType(FieldError.class,
                        () -> Author.objects.aggregate(Map.of(alias, count("books"))));
                assertThat(e).as(alias).isNotNull();
                assertThat(e.name()).isEqualTo(alias);
            }
        });
        assertThat(queries.assertNumQueries(1, () -> Author.objects.aggregate(Map.of("books__n", count("books"))))
                .get("books__n", Long.class)).isNotNull();
    }

    @Test
    void aHugeInvalidAliasIsQuotedOnlyInPart(Queries queries) {
        String alias = "bad alias " + "x".repeat(100_000);
        FieldError e = queries.assertNumQueries(0, () -> catchThrowableOfType(FieldError.class,
                () -> Author.objects.annotate(alias, count("books"))));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).hasSizeLessThan(500).contains("'bad alias xxx").contains("100010 characters")
                .doesNotContain("x".repeat(100));
    }

    @Test
    void anAliasThatClashesWithAFieldOrRelationIsRefused(Queries queries) {
        new Shelf();
        // Django: annotate(name=Count('books')) and annotate(books=Count('books'))
        //   -> "The annotation '...' conflicts with a field on the model."
        queries.assertNumQueries(0, () -> {
            for (String alias : List.of("name", "books", "id", "pk")) {
                FieldError e = catchThrowableOfType(FieldError.class, () -> Author.objects.annotate(alias, count("books")));
                assertThat(e).as(alias).isNotNull();
                assertThat(e.getMessage()).as(alias).contains("'" + alias + "'").contains("conflicts");
                assertThat(e.name()).isEqualTo(alias);
            }
            FieldError twice = catchThrowableOfType(FieldError.class,
                    () -> Author.objects.annotate("n", count("books")).annotate("n", count("books")));
            assertThat(twice).hasMessageContaining("'n'");
        });
    }
}
