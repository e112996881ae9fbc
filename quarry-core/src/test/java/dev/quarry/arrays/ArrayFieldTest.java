package dev.quarry.arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.FieldError;
import dev.quarry.InvalidValueError;
import dev.quarry.ValidationError;
import dev.quarry.spi.Feature;
import dev.quarry.test.QuarryTest;
import dev.quarry.test.Queries;
import dev.quarry.test.RequiresFeature;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code @ArrayField} on a backend with arrays (PostgreSQL): round trips of every base kind (empty lists and
 * NULL elements included), Django's ArrayField lookups ({@code contains}, {@code contained_by},
 * {@code overlap}, {@code len}, an index, a slice), ordering, {@code fullClean()}'s size check, and lookups
 * that an array does not take refused before SQL. Expected rows follow Django 3.2's documented semantics of
 * {@code django.contrib.postgres.fields.ArrayField} (no differential script: Django's PostgreSQL fields need
 * psycopg2, which this machine lacks).
 */
@QuarryTest(models = {Post.class})
@RequiresFeature(Feature.ARRAY_FIELD)
class ArrayFieldTest {

    private static List<String> titles(dev.quarry.QuerySet<Post> qs) {
        return qs.orderBy("title").valuesList("title", String.class).list();
    }

    @Test
    void everyBaseKindRoundTripsWithEmptyListsAndNullElements(Queries queries) {
        Post p = new Post();
        p.title = "kinds";
        p.tags = Arrays.asList("a \"quoted\" tag", "back\\slash", null, "{braces}");
        p.scores = List.of();
        p.dates = List.of(LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31));
        p.prices = List.of(new BigDecimal("12345678901234567890.123456789"), new BigDecimal("-0.5"));
        UUID u = UUID.fromString("12345678-1234-5678-1234-567812345678");
        p.refs = List.of(u);
        queries.assertNumQueries(1, p::save);
        Post back = queries.assertNumQueries(1, () -> Post.objects.get("pk", p.id));
        assertThat(back.tags).containsExactly("a \"quoted\" tag", "back\\slash", null, "{braces}");
        assertThat(back.scores).isEmpty();
        assertThat(back.dates).containsExactly(LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31));
        assertThat(back.prices).containsExactly(new BigDecimal("12345678901234567890.123456789"), new BigDecimal("-0.5"));
        assertThat(back.refs).containsExactly(u);
        Post none = Post.of("none", List.of(), null);
        assertThat(Post.objects.get("pk", none.id).scores).isNull();
        assertThat(Post.objects.filter("title", "kinds").valuesList("tags", List.class).list().get(0)).hasSize(4);
    }

    @Test
    void containsContainedByAndOverlapCompareElements(Queries queries) {
        Post.of("ab", List.of("a", "b"), List.of(1, 2));
        Post.of("bc", List.of("b", "c"), List.of(2, 3));
        Post.of("empty", List.of(), List.of());
        Post.of("null", List.of("z"), null);
        queries.assertNumQueries(8, () -> {
            assertThat(titles(Post.objects.filter("tags__in", List.of(List.of("a", "b"), List.of("z")))))
                    .containsExactly("ab", "null");
            // Whole arrays compare element by element, as PostgreSQL orders them: [1, 2] < [2, 3].
            assertThat(titles(Post.objects.filter("scores__lt", List.of(2, 0)))).containsExactly("ab", "empty");
            assertThat(titles(Post.objects.filter("tags__contains", List.of("b")))).containsExactly("ab", "bc");
            assertThat(titles(Post.objects.filter("tags__contains", List.of()))).containsExactly("ab", "bc", "empty", "null");
            assertThat(titles(Post.objects.filter("scores__contained_by", List.of(1, 2, 5)))).containsExactly("ab", "empty");
            assertThat(titles(Post.objects.filter("tags__overlap", List.of("a", "c")))).containsExactly("ab", "bc");
            assertThat(titles(Post.objects.filter("scores__overlap", List.of(9)))).isEmpty();
            assertThat(titles(Post.objects.filter("tags", List.of("b", "c")))).containsExactly("bc");
        });
    }

    @Test
    void lenIndexAndSliceTransformsChainWithLookups(Queries queries) {
        Post.of("ab", List.of("apple", "banana"), List.of(1, 2));
        Post.of("bc", List.of("berry", "cherry", "date"), List.of(5));
        Post.of("empty", List.of(), List.of());
        Post.of("null", List.of("x"), null);
        queries.assertNumQueries(8, () -> {
            // Django's ArrayLenTransform: 0 for an empty array, NULL for NULL.
            assertThat(titles(Post.objects.filter("scores__len", 0))).containsExactly("empty");
            assertThat(titles(Post.objects.filter("tags__len__gte", 2))).containsExactly("ab", "bc");
            assertThat(titles(Post.objects.filter("scores__len__isnull", true))).containsExactly("null");
            // Indexes are 0-based as in Django (PostgreSQL's are 1-based), and past the end is NULL.
            assertThat(titles(Post.objects.filter("tags__0", "berry"))).containsExactly("bc");
            assertThat(titles(Post.objects.filter("tags__1__startswith", "b"))).containsExactly("ab");
            assertThat(titles(Post.objects.filter("scores__0__gt", 1))).containsExactly("bc");
            assertThat(titles(Post.objects.filter("tags__2__isnull", false))).containsExactly("bc");
            // A slice is an array again: tags[0:2] of bc is [berry, cherry].
            assertThat(titles(Post.objects.filter("tags__0_2__contains", List.of("cherry")))).containsExactly("bc");
        });
    }

    @Test
    void orderingAndExcludeWorkOnArrays(Queries queries) {
        Post.of("b", List.of("b"), List.of(2, 1));
        Post.of("a", List.of("a", "z"), List.of(1, 9));
        Post.of("c", List.of("a"), List.of(1));
        queries.assertNumQueries(2, () -> {
            assertThat(Post.objects.orderBy("scores", "title").valuesList("title", String.class).list())
                    .containsExactly("c", "a", "b");
            assertThat(titles(Post.objects.exclude("tags__contains", List.of("a")))).containsExactly("b");
        });
    }

    @Test
    void defaultSupplierGivesEachInstanceItsOwnList() {
        Post a = new Post();
        Post b = new Post();
        a.tags.add("only-a");
        assertThat(b.tags).isEmpty();
    }

    @Test
    void fullCleanChecksSizeAndElementsBeforeSql(Queries queries) {
        Post p = new Post();
        p.title = "t";
        p.dates = List.of(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 2), LocalDate.of(2020, 1, 3),
                LocalDate.of(2020, 1, 4));
        queries.assertNumQueries(0, () -> assertThatThrownBy(p::fullClean).isInstanceOf(ValidationError.class)
                .hasMessageContaining("List contains 4 items, it should contain no more than 3."));
        p.dates = null;
        p.tags = List.of("longer than sixteen characters");
        queries.assertNumQueries(0, () -> assertThatThrownBy(p::save).isInstanceOf(InvalidValueError.class)
                .hasMessageContaining("Post.tags").hasMessageContaining("elements of at most 16 characters"));
    }

    @Test
    void lookupsAnArrayDoesNotTakeAreRefusedBeforeSql(Queries queries) {
        queries.assertNumQueries(0, () -> {
            assertThatThrownBy(() -> Post.objects.filter("tags__icontains", "a").count()).isInstanceOf(FieldError.class)
                    .hasMessageContaining("Unsupported lookup 'icontains' for ArrayField 'Post.tags'")
                    .hasMessageContaining("contains, contained_by, overlap, len").hasMessageContaining("(tags__0)");
            assertThatThrownBy(() -> Post.objects.filter("tags__contains", "a").count())
                    .isInstanceOf(InvalidValueError.class).hasMessageContaining("needs a List");
        });
    }
}
