package dev.quarry.raw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.QueryError;
import dev.quarry.test.OnlyOn;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code explain()}: the database's plan of a query's SELECT, one statement, on every query surface;
 * formats and options are the database's (as in Django 3.2: SQLite has none, PostgreSQL's
 * {@code EXPLAIN (ANALYZE true, FORMAT JSON)}, MariaDB's {@code FORMAT=JSON} and {@code ANALYZE}),
 * and one it lacks is refused before any SQL naming those it has.
 */
@QuarryTest(models = {Author.class, Book.class})
class ExplainTest {

    @Test
    void explainDescribesThePlanOfTheSelect(Queries queries) {
        Book.rows();
        String plan = queries.assertNumQueries(1, () -> Book.objects.filter("pages__gt", 100).explain());
        // Django on SQLite: '2 0 0 SCAN raw_book'; PostgreSQL: 'Seq Scan on raw_book ...'; MariaDB: '1 SIMPLE raw_book ALL ...'
        assertThat(plan).contains("raw_book");
        assertThat(queries.assertNumQueries(1, () -> Book.objects.explain())).contains("raw_book");
        assertThat(queries.assertNumQueries(1, () -> Book.objects.values("title").explain())).contains("raw_book");
        Author ann = Author.objects.get("name", "ann");
        assertThat(queries.assertNumQueries(1, () -> ann.related("books", Book.class).explain())).contains("raw_book");
        assertThat(queries.assertNumQueries(1, () -> Author.objects.filter("books__pages__gt", 100).explain()))
                .contains("raw_author").contains("raw_book");
    }

    @Test
    @OnlyOn("sqlite") // SQLite's EXPLAIN QUERY PLAN rows, each joined by spaces as Django prints them
    void sqliteGivesItsQueryPlanRowsAndNoFormats(Queries queries) {
        assertThat(queries.assertNumQueries(1, () -> Book.objects.filter("pages__gt", 100).explain()))
                .matches("\\d+ \\d+ \\d+ SCAN (TABLE )?raw_book");
        queries.assertNumQueries(0, () -> {
            // Django: ValueError("JSON is not a recognized format."), ValueError("Unknown options: analyze")
            assertThatThrownBy(() -> Book.objects.explain("json", Map.of())).isInstanceOf(QueryError.class)
                    .hasMessageContaining("JSON is not a recognized format on sqlite").hasMessageContaining("without one");
            assertThatThrownBy(() -> Book.objects.explain(null, Map.of("analyze", true))).isInstanceOf(QueryError.class)
                    .hasMessageContaining("unknown options [analyze] on sqlite").hasMessageContaining("It takes none");
        });
    }

    @Test
    @OnlyOn("postgresql") // PostgreSQL's formats and options
    void postgresqlTakesFormatsAndOptions(Queries queries) {
        Book.rows();
        assertThat(queries.assertNumQueries(1, () -> Book.objects.filter("pages__gt", 100).explain()))
                .startsWith("Seq Scan on raw_book");
        String json = queries.assertNumQueries(1, () -> Book.objects.explain("json", Map.of()));
        assertThat(json).startsWith("[").contains("\"Relation Name\": \"raw_book\"");
        assertThat(queries.assertNumQueries(1, () -> Book.objects.explain("text", Map.of("analyze", true, "costs", false))))
                .contains("actual time").doesNotContain("cost=");
        queries.assertNumQueries(0, () -> {
            assertThatThrownBy(() -> Book.objects.explain("html", Map.of())).isInstanceOf(QueryError.class)
                    .hasMessageContaining("HTML is not a recognized format on postgresql")
                    .hasMessageContaining("Allowed formats: JSON, TEXT, XML, YAML");
            assertThatThrownBy(() -> Book.objects.explain(null, Map.of("fast", true))).isInstanceOf(QueryError.class)
                    .hasMessageContaining("unknown options [fast]").hasMessageContaining("ANALYZE, BUFFERS");
        });
    }

    @Test
    @OnlyOn("mariadb") // MariaDB's formats and ANALYZE
    void mariadbTakesJsonAndAnalyze(Queries queries) {
        Book.rows();
        assertThat(queries.assertNumQueries(1, () -> Book.objects.filter("pages__gt", 100).explain()))
                .startsWith("1 SIMPLE raw_book ALL");
        assertThat(queries.assertNumQueries(1, () -> Book.objects.explain("TEXT", Map.of())))
                .startsWith("1 SIMPLE raw_book ALL");
        assertThat(queries.assertNumQueries(1, () -> Book.objects.explain("json", Map.of())))
                .contains("\"table_name\": \"raw_book\"");
        assertThat(queries.assertNumQueries(1, () -> Book.objects.explain("json", Map.of("analyze", true))))
                .contains("\"r_loops\"");
        queries.assertNumQueries(0, () -> assertThatThrownBy(() -> Book.objects.explain("yaml", Map.of()))
                .isInstanceOf(QueryError.class).hasMessageContaining("Allowed formats: JSON, TEXT, TRADITIONAL"));
    }
}
