package dev.quarry.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ImproperlyConfigured;
import dev.quarry.Model;
import dev.quarry.Quarry;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.Meta;
import dev.quarry.annotation.OnDelete;
import dev.quarry.model.Registry;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code Registry.problems} (what {@code quarry check} reports): the start-up checks that building a Quarry
 * stops at, all collected at once; for good models, none.
 */
class StartupProblemsTest {
    public static class Dock extends Model {
        @CharField(maxLength = 10)
        public String code_;
    }

    public static class Barge extends Model {
        @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "barges")
        public Ref<Dock> home;

        @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "barges")
        public Ref<Dock> away;
    }

    @Meta(dbTable = "barge")
    public static class Lighter extends Model {
        @CharField(maxLength = 10)
        public String name;
    }

    public static class Untyped extends Model {
        public String note;
    }

    private static List<String> problems(List<Class<?>> models) {
        return Registry.problems(models).stream().map(ImproperlyConfigured::getMessage).toList();
    }

    @Test
    void everyProblemIsCollectedWhereBuildingStopsAtTheFirst() {
        List<Class<?>> models = List.of(Dock.class, Barge.class, Lighter.class, Untyped.class);
        assertThatThrownBy(() -> Quarry.builder().url("jdbc:sqlite::memory:").models(Dock.class, Barge.class, Lighter.class,
                Untyped.class).build()).isInstanceOf(ImproperlyConfigured.class);
        List<String> found = problems(models);
        assertThat(found).hasSize(5);
        assertThat(found.get(0)).startsWith("Untyped.note is a public field without a Quarry annotation");
        assertThat(found.get(1)).startsWith("Table 'barge' is used by two models");
        assertThat(found).anyMatch(p -> p.startsWith("Field name 'code_' of Dock would make lookups ambiguous"))
                .anyMatch(p -> p.startsWith("Reverse accessor 'barges' on Dock is claimed by both Barge.home and Barge.away"))
                .anyMatch(p -> p.startsWith("Reverse query name 'barges' on Dock is claimed by both Barge.home and Barge.away"));
    }

    @Test
    void goodModelsHaveNoProblems() {
        assertThat(problems(List.of(Lighter.class))).isEmpty();
        assertThat(Registry.of(List.of(Lighter.class)).models()).hasSize(1);
    }
}
