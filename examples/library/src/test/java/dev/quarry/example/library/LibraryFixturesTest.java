package dev.quarry.example.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.Quarry;
import dev.quarry.fixtures.DumpOptions;
import dev.quarry.test.Fixtures;
import dev.quarry.test.QuarryTest;
import dev.quarry.test.Queries;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A test class that starts from a fixture: {@code @Fixtures("library.json")} loads the guide's sample data, as
 * Django 3.2's {@code dumpdata library --indent 2} wrote it (django/fixtures_django.py), once per backend before the
 * first test. Dumping the rows back gives Django's file byte for byte.
 */
@QuarryTest(models = {Author.class, Book.class, Review.class, Tag.class})
@Fixtures("library.json")
class LibraryFixturesTest {

    @Test
    void theFixtureIsLoadedBeforeTheFirstTest(Queries queries) {
        assertThat(queries.assertNumQueries(1, () -> Author.objects.count())).isEqualTo(14);
        assertThat(Book.objects.count()).isEqualTo(43);
        assertThat(Review.objects.count()).isEqualTo(127);
        Author rowling = Author.objects.get("name", "J.K. Rowling");
        assertThat(rowling.books().all().filter("tags__name", "Fantasy").count()).isPositive();
    }

    @Test
    void eachTestSeesTheFixtureAgainAfterAnotherChangedRows() {
        Review.objects.all().delete();
        assertThat(Review.objects.count()).isZero();
    }

    @Test
    void dumpingTheRowsGivesDjangosFixture(Quarry quarry, Queries queries) throws IOException {
        String django;
        try (InputStream in = LibraryFixturesTest.class.getResourceAsStream("/library.json")) {
            django = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // One query per model, one for Book's tags.
        String dumped = queries.assertNumQueries(5, () -> dev.quarry.fixtures.Fixtures.dump(quarry,
                DumpOptions.defaults().withAppLabel("library").withIndent(2)));
        assertThat(dumped).isEqualTo(django);
    }
}
