package dev.quarry.semantics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.FieldError;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every built-in lookup and transform, with the same results on every backend. */
@QuarryTest(models = {Writer.class, Novel.class, Critique.class, Label.class})
class LookupTest {

    private static List<String> names(String lookup, Object value) {
        return Writer.objects.filter(lookup, value).orderBy("name").valuesList("name", String.class).list();
    }

    @Test
    void textLookupsAreCaseSensitiveUnlessTheirNameStartsWithI() {
        new Library();
        // Quarry is stricter than Django here: contains/startswith/exact are case-sensitive on
        // SQLite and MariaDB too (Django follows the database's LIKE/collation there).
        assertThat(names("name", "ann")).isEmpty();
        assertThat(names("name__iexact", "ANN")).containsExactly("Ann");
        assertThat(names("name__contains", "AN")).isEmpty();
        assertThat(names("name__icontains", "AN")).containsExactly("Ann", "Dan");
        assertThat(names("name__startswith", "a")).isEmpty();
        assertThat(names("name__istartswith", "a")).containsExactly("Ann");
        assertThat(names("name__endswith", "n")).containsExactly("Ann", "Dan");
        assertThat(names("name__iendswith", "N")).containsExactly("Ann", "Dan");
    }

    @Test
    void patternCharactersInValuesAreLiteral() {
        new Library();
        Writer.of("50% off_sale\\x");
        Writer.of("500 offXsale");
        assertThat(names("name__contains", "%")).containsExactly("50% off_sale\\x");
        assertThat(names("name__contains", "0% off_")).containsExactly("50% off_sale\\x");
        assertThat(names("name__icontains", "_SALE")).containsExactly("50% off_sale\\x");
        assertThat(names("name__endswith", "\\x")).containsExactly("50% off_sale\\x");
        assertThat(names("name__startswith", "50%")).containsExactly("50% off_sale\\x");
        Writer.of("a*b?c[d]");
        assertThat(names("name__contains", "*b?c[")).containsExactly("a*b?c[d]");
    }

    @Test
    void inRangeAndComparisons() {
        new Library();
        assertThat(names("name__in", Arrays.asList("Ann", "Cat", null))).containsExactly("Ann", "Cat");
        assertThat(names("name__in", List.of())).isEmpty();
        assertThat(Writer.objects.exclude("name__in", List.of()).count()).isEqualTo(4);
        assertThat(names("name__gt", "B")).containsExactly("Bob", "Cat", "Dan");
        assertThat(names("name__lte", "Bob")).containsExactly("Ann", "Bob");
        assertThat(Novel.objects.filter("published__range", List.of(LocalDate.of(2019, 1, 1), LocalDate.of(2021, 12, 31)))
                .orderBy("title").valuesList("title", String.class).list()).containsExactly("Alpha", "Beta");
        assertThat(Critique.objects.filter("stars__lt", 3).count()).isEqualTo(1);
        assertThat(Critique.objects.filter("stars__gte", 3).count()).isEqualTo(3);
    }

    @Test
    void datePartsAndIsNull() {
        new Library();
        assertThat(Novel.objects.filter("published__year", 2021).valuesList("title", String.class).list()).containsExactly("Beta");
        assertThat(Novel.objects.filter("published__year__gte", 2021).count()).isEqualTo(2);
        assertThat(Novel.objects.filter("published__month", 6).count()).isEqualTo(4);
        assertThat(Novel.objects.filter("published__day", 1).count()).isEqualTo(4);
        assertThat(Novel.objects.filter("published__gt", "2020-01-01").count()).isEqualTo(2);
        assertThat(names("born__isnull", true)).hasSize(4);
        assertThat(Novel.objects.filter("editor__isnull", false).valuesList("title", String.class).list()).containsExactly("Beta");
        assertThat(Novel.objects.filter("editor", null).count()).isEqualTo(3);
    }

    @Test
    void unknownFieldsAndLookupsFailBeforeAnySqlListingTheChoices(Queries queries) {
        queries.assertNumQueries(0, () -> {
            assertThatThrownBy(() -> Writer.objects.filter("nope", 1)).isInstanceOf(FieldError.class)
                    .hasMessageContaining("'nope'").hasMessageContaining("Choices are: born, edited, id, name, novels");
            assertThatThrownBy(() -> Writer.objects.filter("name__foo", 1)).isInstanceOf(FieldError.class)
                    .hasMessageContaining("'foo'").hasMessageContaining("icontains");
            assertThatThrownBy(() -> Novel.objects.filter("title__year", 1)).isInstanceOf(FieldError.class)
                    .hasMessageContaining("year");
            assertThatThrownBy(() -> Novel.objects.filter("critique_set__stars", 1)).isInstanceOf(FieldError.class)
                    .hasMessageContaining("query name 'critique'");
        });
    }
}
