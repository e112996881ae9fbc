package dev.quarry.functions;

import static dev.quarry.expr.Functions.extract;
import static dev.quarry.expr.Functions.trunc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.FieldError;
import dev.quarry.QuerySet;
import dev.quarry.expr.Expression;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Date parts and truncation as functions ({@code extract}, {@code trunc}) and as transforms chained
 * with any comparison ({@code created_at__date__gte}), with Django 3.2's numbering (weeks and ISO
 * years by ISO-8601, week days from Sunday = 1) and date-times read in UTC on every backend
 * ({@code django_functions.py}).
 */
@QuarryTest(models = {Writer.class, Article.class})
class DateTransformsTest {

    private static <V> List<V> col(Queries queries, Expression<?> e, Class<V> type) {
        return queries.assertNumQueries(1, () -> Article.objects.annotate("x", e).orderBy("id").valuesList("x", type).list());
    }

    private static List<Integer> ids(Queries queries, List<Article> rows, QuerySet<Article> qs) {
        List<Long> found = queries.assertNumQueries(1, () -> qs.orderBy("id").valuesList("id", Long.class).list());
        return found.stream().map(id -> rows.indexOf(rows.stream().filter(a -> a.id.equals(id)).findFirst().orElseThrow()) + 1)
                .toList();
    }

    @Test
    void extractGivesDjangosNumbers(Queries queries) {
        Article.rows();
        assertThat(col(queries, extract("published", "year"), Integer.class)).containsExactly(2024, 2023, 2021);
        assertThat(col(queries, extract("published", "iso_year"), Integer.class)).containsExactly(2024, 2023, 2020);
        assertThat(col(queries, extract("published", "quarter"), Integer.class)).containsExactly(1, 4, 1);
        assertThat(col(queries, extract("published", "month"), Integer.class)).containsExactly(2, 12, 1);
        assertThat(col(queries, extract("published", "week"), Integer.class)).containsExactly(9, 52, 53);
        assertThat(col(queries, extract("published", "week_day"), Integer.class)).containsExactly(5, 1, 1);
        assertThat(col(queries, extract("published", "iso_week_day"), Integer.class)).containsExactly(4, 7, 7);
        assertThat(col(queries, extract("published", "day"), Integer.class)).containsExactly(29, 31, 3);
        assertThat(col(queries, extract("created_at", "hour"), Integer.class)).containsExactly(13, 23, 0);
        assertThat(col(queries, extract("created_at", "minute"), Integer.class)).containsExactly(45, 59, 0);
        // Whole seconds, as Django's ExtractSecond (PostgreSQL's EXTRACT would keep 30.25).
        assertThat(col(queries, extract("created_at", "second"), Integer.class)).containsExactly(30, 59, 0);
    }

    @Test
    void truncCutsDatesAndKeepsTheirKind(Queries queries) {
        Article.rows();
        assertThat(col(queries, trunc("published", "year"), LocalDate.class))
                .containsExactly(LocalDate.of(2024, 1, 1), LocalDate.of(2023, 1, 1), LocalDate.of(2021, 1, 1));
        assertThat(col(queries, trunc("published", "quarter"), LocalDate.class))
                .containsExactly(LocalDate.of(2024, 1, 1), LocalDate.of(2023, 10, 1), LocalDate.of(2021, 1, 1));
        assertThat(col(queries, trunc("published", "month"), LocalDate.class))
                .containsExactly(LocalDate.of(2024, 2, 1), LocalDate.of(2023, 12, 1), LocalDate.of(2021, 1, 1));
        assertThat(col(queries, trunc("published", "week"), LocalDate.class))
                .containsExactly(LocalDate.of(2024, 2, 26), LocalDate.of(2023, 12, 25), LocalDate.of(2020, 12, 28));
        assertThat(col(queries, trunc("published", "day"), LocalDate.class))
                .containsExactly(LocalDate.of(2024, 2, 29), LocalDate.of(2023, 12, 31), LocalDate.of(2021, 1, 3));
    }

    @Test
    void truncCutsDateTimesInUtc(Queries queries) {
        Article.rows();
        String[][] expected = {
            {"year", "2024-01-01T00:00:00Z", "2023-01-01T00:00:00Z", "2021-01-01T00:00:00Z"},
            {"quarter", "2024-01-01T00:00:00Z", "2023-10-01T00:00:00Z", "2021-01-01T00:00:00Z"},
            {"month", "2024-02-01T00:00:00Z", "2023-12-01T00:00:00Z", "2021-01-01T00:00:00Z"},
            {"week", "2024-02-26T00:00:00Z", "2023-12-25T00:00:00Z", "2020-12-28T00:00:00Z"},
            {"day", "2024-02-29T00:00:00Z", "2023-12-31T00:00:00Z", "2021-01-03T00:00:00Z"},
            {"hour", "2024-02-29T13:00:00Z", "2023-12-31T23:00:00Z", "2021-01-03T00:00:00Z"},
            {"minute", "2024-02-29T13:45:00Z", "2023-12-31T23:59:00Z", "2021-01-03T00:00:00Z"},
            {"second", "2024-02-29T13:45:30Z", "2023-12-31T23:59:59Z", "2021-01-03T00:00:00Z"}};
        for (String[] e : expected) {
            assertThat(col(queries, trunc("created_at", e[0]), Instant.class)).as(e[0])
                    .containsExactly(Instant.parse(e[1]), Instant.parse(e[2]), Instant.parse(e[3]));
        }
        assertThat(col(queries, trunc("created_at", "date"), LocalDate.class))
                .containsExactly(LocalDate.of(2024, 2, 29), LocalDate.of(2023, 12, 31), LocalDate.of(2021, 1, 3));
        assertThat(col(queries, trunc("created_at", "time"), LocalTime.class))
                .containsExactly(LocalTime.of(13, 45, 30, 250_000_000), LocalTime.of(23, 59, 59, 999_999_000), LocalTime.MIDNIGHT);
    }

    @Test
    void transformsChainWithAnyComparison(Queries queries) {
        List<Article> rows = Article.rows();
        assertThat(ids(queries, rows, Article.objects.filter("created_at__date__gte", LocalDate.of(2024, 1, 1)))).containsExactly(1);
        assertThat(ids(queries, rows, Article.objects.filter("created_at__date", LocalDate.of(2023, 12, 31)))).containsExactly(2);
        assertThat(ids(queries, rows, Article.objects.filter("created_at__time__lt", LocalTime.of(12, 0)))).containsExactly(3);
        assertThat(ids(queries, rows, Article.objects.filter("created_at__time__gt", LocalTime.of(13, 45, 30)))).containsExactly(1, 2);
        assertThat(ids(queries, rows, Article.objects.filter("published__week_day", 1))).containsExactly(2, 3);
        assertThat(ids(queries, rows, Article.objects.filter("published__iso_week_day", 7))).containsExactly(2, 3);
        assertThat(ids(queries, rows, Article.objects.filter("published__quarter", 1))).containsExactly(1, 3);
        assertThat(ids(queries, rows, Article.objects.filter("published__week", 53))).containsExactly(3);
        assertThat(ids(queries, rows, Article.objects.filter("published__week__gte", 9))).containsExactly(1, 2, 3);
        assertThat(ids(queries, rows, Article.objects.filter("published__iso_year__gte", 2023))).containsExactly(1, 2);
        assertThat(ids(queries, rows, Article.objects.filter("published__year__in", List.of(2021, 2023)))).containsExactly(2, 3);
        assertThat(ids(queries, rows, Article.objects.filter("created_at__hour__gte", 13))).containsExactly(1, 2);
        assertThat(ids(queries, rows, Article.objects.filter("created_at__minute", 59))).containsExactly(2);
        assertThat(ids(queries, rows, Article.objects.filter("created_at__second__gt", 29))).containsExactly(1, 2);
        assertThat(ids(queries, rows, Article.objects.filter("created_at__year__lte", 2023))).containsExactly(2, 3);
        // Across relations: every article's writer has one published in a fourth quarter.
        assertThat(ids(queries, rows, Article.objects.filter("writer__articles__published__quarter", 4).distinct()))
                .containsExactly(1, 2, 3);
    }

    @Test
    void isoYearCompareByTheIsoYear(Queries queries) {
        List<Article> rows = Article.rows();
        // Deliberately not Django 3.2's answer: its published__iso_year=2020 finds nothing, because it
        // compares with the calendar year's first and last day (fixed in Django 4.0, ticket #32665).
        // 2021-01-03 lies in ISO week 53 of 2020.
        assertThat(ids(queries, rows, Article.objects.filter("published__iso_year", 2020))).containsExactly(3);
    }

    @Test
    void transformsAlsoEndValuePathsAndOrderings(Queries queries) {
        Article.rows();
        assertThat(queries.assertNumQueries(1, () -> Article.objects.orderBy("-published__week_day", "id")
                .valuesList("published__week_day", Integer.class).list())).containsExactly(5, 1, 1);
        assertThat(queries.assertNumQueries(1, () -> Article.objects.orderBy("id").valuesList("created_at__date", LocalDate.class)
                .list())).containsExactly(LocalDate.of(2024, 2, 29), LocalDate.of(2023, 12, 31), LocalDate.of(2021, 1, 3));
    }

    @Test
    void aPartADateLacksIsRefusedBeforeSql(Queries queries) {
        Article.rows();
        queries.assertNumQueries(0, () -> {
            assertThatThrownBy(() -> Article.objects.filter("published__hour", 3)).isInstanceOf(FieldError.class)
                    .hasMessageContaining("Unsupported transform 'hour'").hasMessageContaining("a date has no 'hour'");
            assertThatThrownBy(() -> Article.objects.filter("title__year", 3)).isInstanceOf(FieldError.class)
                    .hasMessageContaining("applies to dates and date-times");
            assertThatThrownBy(() -> Article.objects.annotate("x", trunc("published", "hour"))).isInstanceOf(FieldError.class)
                    .hasMessageContaining("a date has no 'hour'");
            assertThatThrownBy(() -> Article.objects.filter("created_at__time", "noon")).isInstanceOf(dev.quarry.InvalidValueError.class);
        });
    }
}
