package dev.quarry.example.library;

import static dev.quarry.expr.Aggregates.avg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.quarry.Quarry;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every query of the guide, on every backend, against the results Django 3.2 gives on the same
 * rows: {@code django/expected.txt} is the output of {@code django/guide_queries.py} (Debian's
 * python3-django, in-memory SQLite), which loads the same TSV files as {@link SampleData}.
 */
@QuarryTest(models = {Author.class, Book.class, Review.class, Tag.class, RecentBook.class, AuthorProfile.class, Publisher.class, Contract.class})
class GuideQueriesTest {
    /** Quarry's own query counts per step; Q9's inner counts (15, 2, 3) are Django's too. */
    private static final Map<String, Integer> QUERIES = Map.ofEntries(
            Map.entry("Q1", 2), Map.entry("Q2", 1), Map.entry("Q3", 2), Map.entry("Q4", 1), Map.entry("Q5", 1),
            Map.entry("Q6", 1), Map.entry("Q7", 1), Map.entry("Q8", 1), Map.entry("Q9", 22), Map.entry("Q10", 2),
            Map.entry("Q11", 1), Map.entry("Q12", 2), Map.entry("Q13", 2), Map.entry("Q14", 1), Map.entry("Q15", 1),
            Map.entry("Q15b", 1), Map.entry("Q15c", 2), Map.entry("Q16", 1), Map.entry("Q17", 1), Map.entry("Q18", 1),
            Map.entry("Q19", 1), Map.entry("Q19b", 1), Map.entry("Q20", 1), Map.entry("Q21", 1),
            Map.entry("QP1", 1), // a proxy model (model inheritance)
            // The relation steps: a one-to-one both ways, a many-to-many through Contract (Django's counts too).
            Map.entry("R1", 2), Map.entry("R2", 2), Map.entry("R3", 1), Map.entry("R4", 1), Map.entry("R5", 2),
            Map.entry("R6", 1), Map.entry("R7", 2), Map.entry("R8", 1));

    @TestFactory
    Stream<DynamicTest> everyGuideQueryGivesDjangosResult(Queries queries) throws IOException {
        Map<String, List<String>> expected = expected();
        SampleData.load();
        RelationSampleData.load();
        List<GuideQueries.Step> steps = GuideQueries.steps();
        assertThat(steps).extracting(GuideQueries.Step::id).containsExactlyElementsOf(expected.keySet());
        return steps.stream().map(step -> dynamicTest(step.id() + " " + step.title(), () -> {
            List<String> lines = new ArrayList<>();
            queries.assertNumQueries(QUERIES.get(step.id()), () -> lines.addAll(step.run().get()));
            // Django raises AttributeError for author.book_set; Quarry's related("book_set") throws FieldError.
            List<String> comparable = lines.stream().map(l -> l.startsWith("FieldError: ") ? "AttributeError" : l).toList();
            assertThat(comparable).containsExactlyElementsOf(expected.get(step.id()));
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyTypedQueryPrintsItsStringFormsLinesInTheSameQueries(Queries queries) {
        SampleData.load();
        Map<String, TypedGuideQueries.Typed> typed = TypedGuideQueries.byStep();
        // Every step of the guide (Q1-Q21) has a typed form but Q2, whose misspelt accessor is a compile error in
        // the typed form; the steps beyond the guide (QP1, R1-R8) are shown in the string form only.
        assertThat(typed.keySet()).containsExactlyElementsOf(GuideQueries.steps().stream().map(GuideQueries.Step::id)
                .filter(id -> id.matches("Q\\d+[a-z]?") && !id.equals("Q2")).toList());
        return GuideQueries.steps().stream().filter(step -> typed.containsKey(step.id())).map(step -> dynamicTest(
                step.id() + " typed", () -> {
                    int expectedQueries = QUERIES.get(step.id());
                    List<String> strings = new ArrayList<>();
                    queries.assertNumQueries(expectedQueries, () -> strings.addAll(step.run().get()));
                    List<String> lines = new ArrayList<>();
                    queries.assertNumQueries(expectedQueries, () -> lines.addAll(typed.get(step.id()).run().get()));
                    assertThat(lines).isNotEmpty().containsExactlyElementsOf(strings);
                }));
    }

    @Test
    void sampleDataLoadsInBatches(Quarry quarry, Queries queries) {
        // 4 bulk inserts (each followed, where the database needs it, by moving the key sequence past
        // the explicit ids), then per book: one SELECT of existing tag pairs and one INSERT of the new
        // ones (books without tags run none).
        int withTags = 40;
        int resets = dev.quarry.load.Session.of(quarry).database().backend().operations().resetKeyGenerator("author", "id").size();
        queries.assertNumQueries(4 * (1 + resets) + 2 * withTags, SampleData::load);
        assertThat(Author.objects.count()).isEqualTo(14);
        assertThat(Review.objects.count()).isEqualTo(127);
    }

    @Test
    void relationSampleDataLoadsInThreeBatches(Quarry quarry, Queries queries) {
        SampleData.load();
        // Profiles, publishers and contracts: one bulk insert each, plus the key sequence moves where needed.
        int resets = dev.quarry.load.Session.of(quarry).database().backend().operations().resetKeyGenerator("author", "id").size();
        queries.assertNumQueries(3 * (1 + resets), RelationSampleData::load);
        assertThat(AuthorProfile.objects.count()).isEqualTo(3);
        assertThat(Contract.objects.filter("publisher__name", "Tor Books").count()).isEqualTo(2);
        // The through model's rows are the many-to-many's links: Tor Books publishes two books.
        assertThat(Publisher.objects.get("name", "Tor Books").books.all().count()).isEqualTo(2);
    }

    @Test
    void highestRatedBookNeedsNullsLastOnPostgresOnly() {
        SampleData.load();
        // Without nullsLast(), PostgreSQL puts the books without reviews (NULL average) first in a
        // descending order; SQLite and MariaDB put them last. With nullsLast() all agree.
        Book unordered = Book.objects.annotate("avg_rating", avg("review__rating")).orderBy("-avg_rating").first().orElseThrow();
        boolean nullsFirst = unordered.annotation("avg_rating") == null;
        assertThat(nullsFirst).isEqualTo(Quarry.current().vendor().equals("postgresql"));
    }

    /** The sections of Django's output, by id; "sqlite-default:" lines describe Django-on-SQLite only. */
    static Map<String, List<String>> expected() throws IOException {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : Files.readAllLines(Path.of("django", "expected.txt"), StandardCharsets.UTF_8)) {
            if (line.startsWith("## ")) {
                current = new ArrayList<>();
                sections.put(line.split(" ")[1], current);
            } else if (current != null && !line.startsWith("sqlite-default:")) {
                current.add(line);
            }
        }
        return sections;
    }
}
