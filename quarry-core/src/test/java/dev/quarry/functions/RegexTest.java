package dev.quarry.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.FieldError;
import dev.quarry.InvalidValueError;
import dev.quarry.QuerySet;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code regex} and {@code iregex} on every backend (SQLite through a REGEXP function Quarry
 * registers on each connection), random order with {@code "?"}, and lookups and transforms added
 * through the SPI ({@link NotEqualLookup}, {@link AbsTransform}). Expected rows: Django 3.2 on
 * SQLite ({@code django_functions.py}).
 */
@QuarryTest(models = {Writer.class, Article.class})
class RegexTest {

    private static List<Integer> ids(Queries queries, List<Article> rows, QuerySet<Article> qs) {
        List<Long> found = queries.assertNumQueries(1, () -> qs.orderBy("id").valuesList("id", Long.class).list());
        return found.stream().map(id -> rows.indexOf(rows.stream().filter(a -> a.id.equals(id)).findFirst().orElseThrow()) + 1)
                .toList();
    }

    @Test
    void regexIsCaseSensitiveAndIregexIsNot(Queries queries) {
        List<Article> rows = Article.rows();
        assertThat(ids(queries, rows, Article.objects.filter("title__regex", "^[A-Z]"))).containsExactly(1);
        assertThat(ids(queries, rows, Article.objects.filter("title__regex", "tips$"))).containsExactly(2);
        assertThat(ids(queries, rows, Article.objects.filter("title__regex", "^D"))).isEmpty();
        assertThat(ids(queries, rows, Article.objects.filter("title__iregex", "^D"))).containsExactly(2);
        assertThat(ids(queries, rows, Article.objects.filter("subtitle__iregex", "sweet"))).containsExactly(3);
        assertThat(ids(queries, rows, Article.objects.filter("title__regex", "(Guide|Recipes)$"))).containsExactly(1, 3);
    }

    @Test
    void excludeRegexKeepsRowsWhereTheColumnIsNull(Queries queries) {
        List<Article> rows = Article.rows();
        // Django: exclude(subtitle__regex='T') -> [1, 3]: the complement of filter(), NULL subtitle included.
        assertThat(ids(queries, rows, Article.objects.exclude("subtitle__regex", "T"))).containsExactly(1, 3);
    }

    @Test
    void regexAcrossARelation(Queries queries) {
        Article.rows();
        assertThat(queries.assertNumQueries(1, () -> Writer.objects.filter("articles__title__regex", "^Q").distinct()
                .valuesList("name", String.class).list())).containsExactly("ann");
    }

    @Test
    void aBadPatternIsRefusedBeforeSql(Queries queries) {
        Article.rows();
        queries.assertNumQueries(0, () -> {
            assertThatThrownBy(() -> Article.objects.filter("title__regex", "(unclosed")).isInstanceOf(InvalidValueError.class)
                    .hasMessageContaining("not a regular expression");
            assertThatThrownBy(() -> Article.objects.filter("title__regex", 3)).isInstanceOf(InvalidValueError.class)
                    .hasMessageContaining("needs a regular expression");
        });
    }

    @Test
    void questionMarkOrdersAtRandom(Queries queries) {
        List<Article> rows = Article.rows();
        // Django: order_by('?') gives every row, in any order.
        List<Long> found = queries.assertNumQueries(1, () -> Article.objects.orderBy("?").valuesList("id", Long.class).list());
        assertThat(found).containsExactlyInAnyOrderElementsOf(rows.stream().map(a -> a.id).toList());
        assertThat(Article.objects.orderBy("?").sql().text()).containsIgnoringCase("RAND");
    }

    @Test
    void lookupsAndTransformsRegisteredThroughTheSpi(Queries queries) {
        List<Article> rows = Article.rows();
        assertThat(ids(queries, rows, Article.objects.filter("title__ne", "django tips"))).containsExactly(1, 3);
        assertThat(ids(queries, rows, Article.objects.filter("score__abs__gte", 3))).containsExactly(1, 3);
        assertThat(ids(queries, rows, Article.objects.filter("score__abs__ne", 2.5))).containsExactly(1, 3);
        assertThat(queries.assertNumQueries(1, () -> Article.objects.orderBy("id").valuesList("score__abs", Double.class).list()))
                .containsExactly(4.5, 2.5, 3.0);
        queries.assertNumQueries(0, () -> {
            assertThatThrownBy(() -> Article.objects.filter("title__abs", 1)).isInstanceOf(FieldError.class)
                    .hasMessageContaining("abs applies to numbers");
            assertThatThrownBy(() -> Article.objects.filter("title__ne", null)).isInstanceOf(InvalidValueError.class)
                    .hasMessageContaining("ne does not take null");
        });
    }
}
