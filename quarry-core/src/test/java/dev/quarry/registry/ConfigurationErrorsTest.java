package dev.quarry.registry;

import static dev.quarry.expr.Aggregates.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.FieldError;
import dev.quarry.ImproperlyConfigured;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Mistakes of configuration and of query building are refused before any SQL, with a message that
 * names the model, the field and the fix, instead of reaching the database ("no such table", an
 * operator error on PostgreSQL only, a failed prefetch after the main query ran). And a number
 * compared with a text field means its text, as Django's {@code get_prep_value} makes it
 * ({@code filter(name=42)} binds {@code '42'}), on every backend.
 */
@QuarryTest(models = {Member.class, Post.class})
class ConfigurationErrorsTest {

    @Test
    void aModelMissingFromModelsIsRefusedBeforeAnySql(Queries queries) {
        queries.assertNumQueries(0, () -> {
            Outsider o = new Outsider();
            o.name = "x";
            assertThatThrownBy(o::save).isInstanceOf(ImproperlyConfigured.class)
                    .hasMessageContaining("Outsider is not a model of this Quarry")
                    .hasMessageContaining("Add Outsider.class to Quarry.builder().models(...)");
            assertThatThrownBy(() -> Outsider.objects.create(x -> x.name = "x")).isInstanceOf(ImproperlyConfigured.class);
            assertThatThrownBy(() -> Outsider.objects.count()).isInstanceOf(ImproperlyConfigured.class);
            assertThatThrownBy(() -> Outsider.objects.bulkCreate(List.of(new Outsider())))
                    .isInstanceOf(ImproperlyConfigured.class);
        });
    }

    @Test
    void aBadPrefetchPathIsRefusedBeforeTheMainQueryRuns(Queries queries) {
        Member.of("ann");
        queries.assertNumQueries(0, () -> {
            assertThatThrownBy(() -> Member.objects.prefetchRelated("nothing").list()).isInstanceOf(FieldError.class)
                    .hasMessageContaining("nothing").hasMessageContaining("posts");
            assertThatThrownBy(() -> Member.objects.prefetchRelated("posts__nothing").list()).isInstanceOf(FieldError.class)
                    .hasMessageContaining("nothing");
        });
    }

    @Test
    void anUnsafeAnnotateAliasIsRefusedBeforeAnySql(Queries queries) {
        queries.assertNumQueries(0, () -> {
            for (String alias : List.of("n; DROP TABLE member", "n\"", "posts__count", "1n", "", "n n")) {
                assertThatThrownBy(() -> Member.objects.annotate(alias, count("posts")).list())
                        .as(alias).isInstanceOf(FieldError.class).hasMessageContaining("Member");
            }
        });
        assertThat(Member.objects.annotate("post_count", count("posts")).count()).isZero();
    }

    @Test
    void aNumberComparedWithATextFieldMeansItsTextOnEveryBackend() {
        Member.of("42");
        Member.of("4.5");
        Member.of("7");
        Member m = Member.objects.get("name", "7");
        m.bio = "12";
        m.save();
        assertThat(Member.objects.filter("name", 42).valuesList("name", String.class).list()).containsExactly("42");
        assertThat(Member.objects.filter("name", 42L).count()).isEqualTo(1);
        assertThat(Member.objects.filter("name", new BigDecimal("4.5")).count()).isEqualTo(1);
        assertThat(Member.objects.filter("name__in", List.of(42, 7)).orderBy("name").valuesList("name", String.class).list())
                .containsExactly("42", "7");
        assertThat(Member.objects.exclude("name", 42).count()).isEqualTo(2);
        assertThat(Member.objects.filter("name__startswith", 4).count()).isEqualTo(2);
        // Text order: "42" < "5" < "7", as Django compares str(5) with the column.
        assertThat(Member.objects.filter("name__gt", 5).valuesList("name", String.class).list()).containsExactly("7");
        assertThat(Member.objects.filter("bio", 12).valuesList("name", String.class).list()).containsExactly("7");
        assertThat(Member.objects.filter("name", 42).update(Map.of("bio", 99))).isEqualTo(1);
        assertThat(Member.objects.get("name", "42").bio).isEqualTo("99");
        assertThat(Post.objects.filter("author__name", 42).count()).isZero();
    }
}
