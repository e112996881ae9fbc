package dev.quarry.modellabels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ImproperlyConfigured;
import dev.quarry.Model;
import dev.quarry.Quarry;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.Meta;
import dev.quarry.modellabels.blog.Tag;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Names that must be unique among one Quarry's models. Deletion counts are keyed by class name, as
 * Django keys them by model label ({@code app.Tag}); two models named {@code Tag} in different packages
 * are counted under their qualified names instead of merging. Two models on one table are refused when
 * the Quarry is built (Django's models.E028: "db_table 'x' is used by multiple models").
 */
@QuarryTest(models = {Tag.class, dev.quarry.modellabels.shop.Tag.class})
class ModelLabelsTest {
    private static Tag blogTagWithTwoCopies() {
        Tag blog = Tag.objects.create(t -> t.name = "java");
        for (String name : new String[] {"java-1", "java-2"}) {
            dev.quarry.modellabels.shop.Tag.objects.create(t -> {
                t.name = name;
                t.source.set(blog);
            });
        }
        return blog;
    }

    @Test
    void twoModelsNamedTagAreCountedApartByModelDelete(Queries queries) {
        Tag blog = blogTagWithTwoCopies();
        Map<String, Integer> counts = queries.assertNumQueries(3, () -> blog.delete());
        assertThat(counts).isEqualTo(Map.of("dev.quarry.modellabels.blog.Tag", 1, "dev.quarry.modellabels.shop.Tag", 2));
    }

    @Test
    void twoModelsNamedTagAreCountedApartByQuerySetDelete(Queries queries) {
        blogTagWithTwoCopies();
        assertThat(Tag.objects.filter("name", "java").delete())
                .isEqualTo(Map.of("dev.quarry.modellabels.blog.Tag", 1, "dev.quarry.modellabels.shop.Tag", 2));
        // A fast delete (nothing refers to the rows) is keyed the same way.
        assertThat(dev.quarry.modellabels.shop.Tag.objects.all().delete()).isEmpty();
        blogTagWithTwoCopies();
        assertThat(dev.quarry.modellabels.shop.Tag.objects.all().delete()).isEqualTo(Map.of("dev.quarry.modellabels.shop.Tag", 2));
    }

    /** A second model on {@code blog_tag}. */
    @Meta(dbTable = "BLOG_TAG")
    public static class Shadow extends Model {
        @CharField(maxLength = 20)
        public String name;
    }

    /** A second class named Tag with the default table, as the shop's would have without its @Meta. */
    public static class Plain extends Model {
        @CharField(maxLength = 20)
        public String name;
    }

    @Meta(dbTable = "plain")
    public static class AlsoPlain extends Model {
        @CharField(maxLength = 20)
        public String name;
    }

    @Test
    void twoModelsOnOneTableAreRefusedAtStartUp() {
        assertThatThrownBy(() -> Quarry.builder().url("jdbc:sqlite::memory:").models(Tag.class, Shadow.class).build().close())
                .isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("Table 'BLOG_TAG' is used by two models: dev.quarry.modellabels.blog.Tag and "
                        + "dev.quarry.modellabels.ModelLabelsTest$Shadow")
                .hasMessageContaining("@Meta(dbTable = \"...\")");
        assertThatThrownBy(() -> Quarry.builder().url("jdbc:sqlite::memory:").models(Plain.class, AlsoPlain.class).build()
                .close()).isInstanceOf(ImproperlyConfigured.class).hasMessageContaining("Table 'plain' is used by two models");
    }
}
