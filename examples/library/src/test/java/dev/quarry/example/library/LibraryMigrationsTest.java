package dev.quarry.example.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.Quarry;
import dev.quarry.migrations.Autodetector;
import dev.quarry.migrations.Migrator;
import dev.quarry.migrations.ProjectState;
import dev.quarry.test.Queries;
import dev.quarry.test.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The example builds its schema with its migrations, as {@link LibraryExample} does at start-up: on every
 * backend they make a schema the sample data and the guide's queries run on, a second run applies nothing,
 * and they describe the models exactly (what {@code makemigrations --check} in .ci/run also checks).
 */
class LibraryMigrationsTest {
    static Stream<TestDatabases.Target> backends() {
        return TestDatabases.active().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void theMigrationsBuildTheSchemaTheGuideRunsOn(TestDatabases.Target target) {
        TestDatabases.Isolated database = target.create();
        try (Quarry db = Quarry.builder().url(database.url()).user(target.user()).password(target.password())
                .models(LibraryExample.MODELS).build().install()) {
            Migrator migrator = Migrator.of(db, LibraryExample.APP, LibraryExample.MIGRATIONS);
            assertThat(migrator.migrate()).containsExactly("library.M0001Initial", "library.M0002ProfilesAndPublishers");
            SampleData.load();
            assertThat(Author.objects.count()).isEqualTo(14);
            Queries queries = new Queries(db);
            // The guide's first query (two queries: the author, then the books), on the migrated tables.
            GuideQueries.Step first = GuideQueries.steps().get(0);
            List<String> lines = queries.assertNumQueries(2, () -> first.run().get());
            assertThat(lines).contains("Harry Potter and the Philosopher's Stone");
            // A second start finds nothing pending, and changes nothing.
            List<dev.quarry.ExecutedQuery> idle = queries.captured(() -> assertThat(migrator.migrate()).isEmpty());
            assertThat(idle).noneMatch(q -> q.sql().matches("(?s)(INSERT|DELETE|UPDATE|ALTER|CREATE|DROP).*"));
        } finally {
            Quarry.uninstall();
            database.drop();
        }
    }

    @Test
    void theMigrationsDescribeTheModelsAndAreAllListed() throws IOException {
        try (Quarry db = Quarry.builder().url("jdbc:sqlite::memory:").models(LibraryExample.MODELS).build()) {
            Migrator migrator = Migrator.of(db, LibraryExample.APP, LibraryExample.MIGRATIONS);
            assertThat(Autodetector.of(migrator.state(), ProjectState.of(db)).changes()).isEmpty();
        }
        // quarry makemigrations finds migrations by scanning the package; the application lists them.
        try (Stream<Path> files = Files.list(Path.of("target/classes/dev/quarry/example/library/migrations"))) {
            List<String> compiled = files.map(f -> f.getFileName().toString()).filter(f -> f.matches("M\\d{4}\\w*\\.class"))
                    .map(f -> f.substring(0, f.length() - ".class".length())).sorted().toList();
            assertThat(LibraryExample.MIGRATIONS).extracting(Class::getSimpleName).containsExactlyElementsOf(compiled);
        }
    }
}
