package dev.quarry.multidb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ImproperlyConfigured;
import dev.quarry.Quarry;
import dev.quarry.fixtures.DumpOptions;
import dev.quarry.fixtures.Fixtures;
import dev.quarry.fixtures.LoadOptions;
import dev.quarry.test.Queries;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * dumpdata {@code --database} and loaddata {@code --database}: copying every row of one named database into
 * another through a fixture file, each side running its statements on its own database only; a database name the
 * Quarry does not have is refused naming its databases.
 */
class FixturesAcrossDatabasesTest {
    @TempDir
    Path dir;

    private Databases databases;

    @BeforeEach
    void start() {
        Quarry.uninstall();
        databases = new Databases(dir);
    }

    @AfterEach
    void stop() {
        Quarry.uninstall();
        databases.close();
    }

    static List<String> backends() {
        return Databases.backends();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aFixtureCopiesOneDatabaseIntoAnother(String backend) {
        Quarry q = databases.quarry(backend, List.of("default", "other"), List.of(), b -> { }).install();
        Author ann = Author.objects.create(a -> a.name = "Ann");
        Tag t = Tag.objects.create(x -> x.name = "t");
        Book b = Book.objects.create(x -> {
            x.title = "B";
            x.author.set(ann);
        });
        b.tags.add(t);
        Path file = dir.resolve("copy.json");

        int written = new Queries(q, "other").assertNumQueries(0, () -> Fixtures.dump(q, file, DumpOptions.defaults()));
        new Queries(q, "default").assertNumQueries(0, () -> Fixtures.load(q, file, LoadOptions.defaults().withDatabase("other")));

        assertThat(written).isEqualTo(3);
        assertThat(Book.objects.using("other").get("title", "B").author.get().name).isEqualTo("Ann");
        assertThat(Book.objects.using("other").get("title", "B").tags.all().valuesList("name", String.class).list()).containsExactly("t");
        assertThat(Fixtures.dump(q, DumpOptions.defaults().withDatabase("other"))).isEqualTo(Fixtures.dump(q, DumpOptions.defaults()));
        assertThatThrownBy(() -> Fixtures.dump(q, DumpOptions.defaults().withDatabase("replica")))
                .isInstanceOf(ImproperlyConfigured.class).hasMessageContaining("has no database named 'replica'")
                .hasMessageContaining("default, other");
    }
}
