package dev.quarry.functions;

import static dev.quarry.expr.Functions.abs;
import static dev.quarry.expr.Functions.cast;
import static dev.quarry.expr.Functions.ceil;
import static dev.quarry.expr.Functions.coalesce;
import static dev.quarry.expr.Functions.concat;
import static dev.quarry.expr.Functions.floor;
import static dev.quarry.expr.Functions.greatest;
import static dev.quarry.expr.Functions.least;
import static dev.quarry.expr.Functions.length;
import static dev.quarry.expr.Functions.lower;
import static dev.quarry.expr.Functions.mod;
import static dev.quarry.expr.Functions.now;
import static dev.quarry.expr.Functions.nullIf;
import static dev.quarry.expr.Functions.power;
import static dev.quarry.expr.Functions.replace;
import static dev.quarry.expr.Functions.round;
import static dev.quarry.expr.Functions.strIndex;
import static dev.quarry.expr.Functions.substr;
import static dev.quarry.expr.Functions.trim;
import static dev.quarry.expr.Functions.upper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.FieldError;
import dev.quarry.QueryError;
import dev.quarry.expr.Expression;
import dev.quarry.expr.F;
import dev.quarry.expr.Func;
import dev.quarry.expr.Functions;
import dev.quarry.expr.Value;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Quarry's database functions give Django 3.2's values on every backend, each in one query
 * ({@code django_functions.py} beside this class); a user's {@code Func} runs as written.
 */
@QuarryTest(models = {Writer.class, Article.class})
class FunctionsTest {

    private static <V> List<V> col(Queries queries, Expression<?> e, Class<V> type) {
        return queries.assertNumQueries(1, () -> Article.objects.annotate("x", e).orderBy("id").valuesList("x", type).list());
    }

    @Test
    void textFunctions(Queries queries) {
        Article.rows();
        // SQLite's LOWER folds ASCII letters only (as Django's does there), so the accented title is left out here.
        assertThat(col(queries, lower("title"), String.class).subList(0, 2)).containsExactly("quarry guide", "django tips");
        assertThat(col(queries, upper("title"), String.class)).containsExactly("QUARRY GUIDE", "DJANGO TIPS", "ÉCLAIR RECIPES");
        assertThat(col(queries, length("title"), Integer.class)).containsExactly(12, 11, 14);
        // Django: Concat('title', Value(' / '), 'subtitle'): a NULL part is empty text, on every database.
        assertThat(col(queries, concat("title", Value.of(" / "), "subtitle"), String.class))
                .containsExactly("Quarry Guide / ", "django tips / Tips", "Éclair Recipes /   Sweet ");
        assertThat(col(queries, concat("title", Value.of(" by "), "writer__name"), String.class).get(0))
                .isEqualTo("Quarry Guide by ann");
        assertThat(col(queries, substr("title", 1, 5), String.class)).containsExactly("Quarr", "djang", "Éclai");
        assertThat(col(queries, substr("title", 3), String.class)).containsExactly("arry Guide", "ango tips", "lair Recipes");
        assertThat(col(queries, trim("subtitle"), String.class)).containsExactly(null, "Tips", "Sweet");
        assertThat(col(queries, replace("title", "i", "!"), String.class))
                .containsExactly("Quarry Gu!de", "django t!ps", "Écla!r Rec!pes");
        assertThat(col(queries, strIndex("title", "i"), Integer.class)).containsExactly(10, 9, 5);
    }

    @Test
    void comparisonFunctions(Queries queries) {
        Article.rows();
        assertThat(col(queries, coalesce("subtitle", "title"), String.class)).containsExactly("Quarry Guide", "Tips", "  Sweet ");
        assertThat(col(queries, greatest("words", Value.of(500)), Long.class)).containsExactly(1200L, 500L, 500L);
        assertThat(col(queries, least("score", Value.of(0.0)), Double.class)).containsExactly(0.0, -2.5, 0.0);
        assertThat(col(queries, nullIf("words", Value.of(0)), Integer.class)).containsExactly(1200, 350, null);
        // Django's Greatest is NULL when an argument is on SQLite and MariaDB, and skips it on PostgreSQL; Quarry gives NULL everywhere.
        assertThat(col(queries, greatest("subtitle", Value.of("M")), String.class)).containsExactly(null, "Tips", "M");
    }

    @Test
    void mathFunctions(Queries queries) {
        Article.rows();
        assertThat(col(queries, abs("score"), Double.class)).containsExactly(4.5, 2.5, 3.0);
        // Halves round away from zero on every database (PostgreSQL and MariaDB would round a double's half to even).
        assertThat(col(queries, round("score"), Double.class)).containsExactly(5.0, -3.0, 3.0);
        assertThat(col(queries, ceil("score"), Double.class)).containsExactly(5.0, -2.0, 3.0);
        assertThat(col(queries, floor("score"), Double.class)).containsExactly(4.0, -3.0, 3.0);
        // Django: Mod and Power give floats, even of whole numbers.
        assertThat(col(queries, mod("words", Value.of(7)), Double.class)).containsExactly(3.0, 0.0, 0.0);
        assertThat(col(queries, power("score", Value.of(2)), Double.class)).containsExactly(20.25, 6.25, 9.0);
    }

    @Test
    void castConvertsToTheKindAskedFor(Queries queries) {
        Article.rows();
        assertThat(col(queries, cast("words", Double.class), Double.class)).containsExactly(1200.0, 350.0, 0.0);
        assertThat(col(queries, cast("words", String.class), String.class)).containsExactly("1200", "350", "0");
        assertThat(col(queries, cast("price", Double.class), Double.class)).containsExactly(9.99, 12.5, 7.0);
    }

    @Test
    void nowIsTheDatabasesTime(Queries queries) {
        Article.rows();
        List<Long> past = queries.assertNumQueries(1, () -> Article.objects.filter("created_at__lt", now()).orderBy("id")
                .valuesList("id", Long.class).list());
        assertThat(past).hasSize(3);
        java.time.Instant before = java.time.Instant.now().minusSeconds(300);
        java.time.Instant n = queries.assertNumQueries(1, () -> Article.objects.annotate("n", now())
                .valuesList("n", java.time.Instant.class).first().orElseThrow());
        assertThat(n).isAfter(before).isBefore(java.time.Instant.now().plusSeconds(300));
    }

    @Test
    void aUsersFuncRunsAsWritten(Queries queries) {
        Article.rows();
        // Django: Func(F('score'), function='ABS') and Func(F('words'), template='(%(expressions)s * 2)').
        assertThat(col(queries, Func.of("ABS", Double.class, "score"), Double.class)).containsExactly(4.5, 2.5, 3.0);
        assertThat(col(queries, Func.template("(%s * 2)", Long.class, "words"), Long.class)).containsExactly(2400L, 700L, 0L);
        assertThat(col(queries, Func.template("(%s + %s)", Double.class, "words", Value.of(0.5)), Double.class))
                .containsExactly(1200.5, 350.5, 0.5);
    }

    @Test
    void functionsNestAndFeedArithmeticAndFilters(Queries queries) {
        Article.rows();
        List<String> found = queries.assertNumQueries(1, () -> Article.objects.filter("words__gt", length("title").times(50))
                .orderBy("id").valuesList("title", String.class).list());
        assertThat(found).containsExactly("Quarry Guide");
        assertThat(col(queries, upper(substr(lower("title"), 1, 3)), String.class).subList(0, 2)).containsExactly("QUA", "DJA");
    }

    @Test
    void mistakesAreRefusedBeforeSql(Queries queries) {
        Article.rows();
        queries.assertNumQueries(0, () -> {
            assertThatThrownBy(() -> Article.objects.annotate("x", abs("title"))).isInstanceOf(FieldError.class)
                    .hasMessageContaining("Abs needs a number").hasMessageContaining("text (CHAR)");
            assertThatThrownBy(() -> Article.objects.annotate("x", coalesce("title", "words"))).isInstanceOf(FieldError.class)
                    .hasMessageContaining("Coalesce mixes text (CHAR) and whole numbers (INTEGER)");
            assertThatThrownBy(() -> Article.objects.annotate("x", length("nope"))).isInstanceOf(FieldError.class)
                    .hasMessageContaining("Cannot resolve keyword 'nope'");
            assertThatThrownBy(() -> Functions.extract("published", "century")).isInstanceOf(QueryError.class)
                    .hasMessageContaining("year, iso_year, quarter");
            assertThatThrownBy(() -> Func.template("x = ?", Long.class, "words")).isInstanceOf(QueryError.class)
                    .hasMessageContaining("may not contain '?'");
            assertThatThrownBy(() -> Func.template("%s + %s", Long.class, "words")).isInstanceOf(QueryError.class)
                    .hasMessageContaining("has 2 %s for 1 argument");
            assertThatThrownBy(() -> Article.objects.annotate("x", length("title").as(java.time.LocalDate.class)))
                    .isInstanceOf(FieldError.class).hasMessageContaining("Integer");
            assertThatThrownBy(() -> Article.objects.annotate("x", Functions.rowNumber())).isInstanceOf(QueryError.class)
                    .hasMessageContaining("window function").hasMessageContaining("Window.of");
        });
    }

    @Test
    void functionsRenderOnceEachArgument(Queries queries) {
        Article.rows();
        // The SQL of a function is the backend's; its values are still bound, never inlined.
        String sql = Article.objects.annotate("x", concat("title", Value.of("'; DROP TABLE x; --"))).sql().text();
        assertThat(sql).doesNotContain("DROP");
        assertThat(Arrays.asList(Article.objects.annotate("x", concat("title", Value.of("!"))).sql().parameters().toArray()))
                .contains("!");
        assertThat(F.of("title").toString()).isEqualTo("F(title)");
    }
}
