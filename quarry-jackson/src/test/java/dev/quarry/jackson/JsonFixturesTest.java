package dev.quarry.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.Quarry;
import dev.quarry.fixtures.DumpOptions;
import dev.quarry.fixtures.Fixtures;
import dev.quarry.fixtures.LoadOptions;
import dev.quarry.test.QuarryTest;
import dev.quarry.test.Queries;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * JSON fields in fixtures: the document is nested in the fixture as JSON (Django's JSONField.value_to_string gives
 * the value itself), written and read through the class path's JsonCodec, here Jackson's; the core's fixture
 * reader and writer need no JSON library of their own.
 */
@QuarryTest(models = {Document.class})
class JsonFixturesTest {

    @Test
    void jsonDocumentsAreNestedInTheFixtureAndRoundTrip(Quarry quarry, Queries queries) {
        Document d = Document.of("doc", Map.of("n", 1, "list", List.of("a", true)));
        d.tags = List.of("x", "y");
        d.anything = "just text";
        d.save();
        Document nothing = Document.of("none", null);
        nothing.save();
        String json = queries.assertNumQueries(1, () -> Fixtures.dump(quarry, DumpOptions.defaults().withIndent(1)));
        assertThat(json).contains("\"tags\": [\n   \"x\",\n   \"y\"\n  ]", "\"anything\": \"just text\"", "\"data\": null");
        Document.objects.all().delete();

        Fixtures.load(quarry, "docs.json", json, LoadOptions.defaults());

        Document back = Document.objects.get("name", "doc");
        assertThat(back.data).isEqualTo(Map.of("n", 1, "list", List.of("a", true)));
        assertThat(back.tags).containsExactly("x", "y");
        assertThat(back.anything).isEqualTo("just text");
        assertThat(back.settings).isNull();
        assertThat(Document.objects.get("name", "none").data).isNull();
    }
}
