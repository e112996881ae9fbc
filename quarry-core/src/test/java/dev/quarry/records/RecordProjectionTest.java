package dev.quarry.records;

import static dev.quarry.expr.Aggregates.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.FieldError;
import dev.quarry.InvalidValueError;
import dev.quarry.ValuesQuerySet;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code values(...).as(Record.class)}: rows read into Java records, a component per selected path
 * spelt in camelCase ({@code author__name} to {@code authorName}), types checked against the field
 * kinds (primitives and boxes, widening allowed, a primitive refused for a nullable field) when the
 * query is built, before any SQL, with a {@link FieldError} naming the record, the component and the
 * choices. The rows are those {@code values()} gives, so Django's values() is the reference.
 */
@QuarryTest(models = {Author.class, Book.class})
class RecordProjectionTest {
    record BookRow(String title, String authorName) {}

    record Sizes(String title, int pages, double rating) {}

    record Widened(String title, long pages, Double rating, Number authorBirthYear) {}

    record Published(String title, LocalDate publishedDate) {}

    record Counted(String authorName, long bookCount) {}

    record Lifespan(String name, int birthYear, Integer deathYear) {}

    record DeadYear(String name, int deathYear) {}

    record BornYear(String title, int authorBirthYear) {}

    record Wrong(int title) {}

    @Test
    void valuesBecomeRecordsByComponentName(Queries queries) {
        Book.rows();
        var rows = Book.objects.orderBy("id").values("title", "author__name").as(BookRow.class);
        assertThat(queries.assertNumQueries(1, rows::list)).containsExactly(new BookRow("Dune", "ann"),
                new BookRow("Emma", "ann"), new BookRow("Faust", "bob"), new BookRow("Anon", null));
        // The order of the components is the record's, not the selection's; the Java name of a field works too.
        assertThat(queries.assertNumQueries(1, () -> Book.objects.filter("pages__gt", 300).orderBy("id")
                .values("publishedDate", "title").as(Published.class).list())).containsExactly(
                new Published("Dune", LocalDate.of(1965, 8, 1)), new Published("Emma", LocalDate.of(1996, 6, 15)));
        assertThat(queries.assertNumQueries(1, () -> Book.objects.orderBy("id").valuesList("title", "author__name")
                .as(BookRow.class).first())).contains(new BookRow("Dune", "ann"));
    }

    @Test
    void primitivesBoxesAndWideningFollowTheFieldKinds(Queries queries) {
        Book.rows();
        assertThat(queries.assertNumQueries(1, () -> Book.objects.filter("title", "Dune").values("title", "pages", "rating")
                .as(Sizes.class).get())).isEqualTo(new Sizes("Dune", 412, 4.5));
        assertThat(queries.assertNumQueries(1, () -> Book.objects.filter("title", "Faust")
                .values("title", "pages", "rating", "author__birth_year").as(Widened.class).get()))
                .isEqualTo(new Widened("Faust", 180L, 4.0, 1950));
        assertThat(queries.assertNumQueries(1, () -> Author.objects.orderBy("id").values("name", "birth_year", "death_year")
                .as(Lifespan.class).list())).containsExactly(new Lifespan("ann", 1920, 1986), new Lifespan("bob", 1950, null));
    }

    @Test
    void annotationsAreComponentsToo(Queries queries) {
        Book.rows();
        ValuesQuerySet<Counted> counted = Book.objects.filter("author__isnull", false).values("author__name")
                .annotate("book_count", count("id")).orderBy("author__name").as(Counted.class);
        assertThat(queries.assertNumQueries(1, counted::list)).containsExactly(new Counted("ann", 2), new Counted("bob", 1));
        try (Stream<Counted> s = queries.assertNumQueries(1, counted::stream)) {
            assertThat(s.map(Counted::bookCount)).containsExactly(2L, 1L);
        }
        assertThat(queries.assertNumQueries(1, counted::count)).isEqualTo(2);
    }

    @Test
    void mismatchesAreRefusedWhenTheQueryIsBuilt(Queries queries) {
        queries.assertNumQueries(0, () -> {
            assertThatThrownBy(() -> Book.objects.values("title").as(BookRow.class)).isInstanceOf(FieldError.class)
                    .hasMessageContaining("BookRow.authorName matches no selected value")
                    .hasMessageContaining("The values select title").hasMessageContaining("author__name -> authorName");
            assertThatThrownBy(() -> Book.objects.values("title", "author__name", "pages").as(BookRow.class))
                    .isInstanceOf(FieldError.class).hasMessageContaining("values(...) selects [pages], which BookRow has "
                            + "no component for. Its components are: title, authorName");
            assertThatThrownBy(() -> Book.objects.values("title").as(Wrong.class)).isInstanceOf(FieldError.class)
                    .hasMessageContaining("Wrong.title is int, but 'title' holds String values. Declare it as String");
            assertThatThrownBy(() -> Book.objects.values("title", "rating").as(Sizes.class)).isInstanceOf(FieldError.class)
                    .hasMessageContaining("Sizes.pages matches no selected value")
                    .hasMessageContaining("The values select title, rating");
            assertThatThrownBy(() -> Author.objects.values("name", "death_year").as(DeadYear.class))
                    .isInstanceOf(FieldError.class).hasMessageContaining("DeadYear.deathYear is int, but 'death_year' may "
                            + "be NULL").hasMessageContaining("declare it as Integer");
            assertThatThrownBy(() -> Book.objects.values("title").as(String.class)).isInstanceOf(FieldError.class)
                    .hasMessageContaining("java.lang.String is not a record");
            // A value added after as(...) is refused when the query runs, still before any SQL.
            var grown = Book.objects.values("title", "author__name").as(BookRow.class).annotate("n", count("id"));
            assertThatThrownBy(grown::list).isInstanceOf(FieldError.class).hasMessageContaining("selects [n]");
        });
    }

    @Test
    void aNullForAPrimitiveThroughAnOptionalJoinNamesTheComponent(Queries queries) {
        Book.rows();
        // birth_year is not nullable, but Anon has no author: the LEFT JOIN gives NULL.
        var born = Book.objects.orderBy("id").values("title", "author__birth_year").as(BornYear.class);
        assertThat(queries.assertNumQueries(1, () -> born.limit(3).list())).extracting(BornYear::authorBirthYear)
                .containsExactly(1920, 1920, 1950);
        assertThatThrownBy(born::list).isInstanceOf(InvalidValueError.class)
                .hasMessageContaining("BornYear.authorBirthYear is int, but a row's 'author__birth_year' is NULL")
                .hasMessageContaining("declare it as Integer");
    }

    @Test
    void theRecordQueryIsAValue(Queries queries) {
        Book.rows();
        var titles = Book.objects.values("title", "author__name");
        var rows = titles.as(BookRow.class);
        assertThat(rows.sql()).isEqualTo(titles.sql());
        assertThat(queries.assertNumQueries(1, () -> rows.filter("author__name", "bob").list()))
                .containsExactly(new BookRow("Faust", "bob"));
        assertThat(queries.assertNumQueries(1, titles::list)).hasSize(4).allSatisfy(m -> assertThat(m).containsKey("title"));
        List<BookRow> again = queries.assertNumQueries(1, rows::list);
        assertThat(again).hasSize(4);
    }
}
