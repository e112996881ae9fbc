package dev.quarry.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.InvalidValueError;
import dev.quarry.NotSupportedError;
import dev.quarry.Quarry;
import dev.quarry.ValidationError;
import dev.quarry.db.Database;
import dev.quarry.load.Session;
import dev.quarry.spi.Feature;
import dev.quarry.sql.CompiledSql;
import dev.quarry.test.QuarryTest;
import dev.quarry.test.Queries;
import dev.quarry.test.RequiresFeature;
import dev.quarry.test.SkipIfFeature;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * JSONField on every backend (PostgreSQL jsonb, MariaDB JSON, SQLite JSON1) with the Jackson codec: documents
 * of several Java types round-trip, empty and deep ones included; key and index lookups
 * ({@code data__owner__name}, {@code data__tags__0}) with exact, comparisons, text lookups and {@code in};
 * {@code has_key}/{@code has_keys}/{@code has_any_keys}; containment where the database has it and a clear
 * error where it does not; {@code isnull} (SQL NULL, a missing key) apart from the JSON {@code null}.
 */
@QuarryTest(models = {Document.class})
class JsonFieldTest {

    private static Document saved(String name, Map<String, Object> data) {
        Document d = Document.of(name, data);
        d.save();
        return d;
    }

    private static List<String> names(List<Document> docs) {
        return docs.stream().map(d -> d.name).sorted().toList();
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** Three documents with owners, tags and numbers. */
    private static void library() {
        saved("ann", map("owner", map("name", "Ann", "age", 34, "city", "Oslo"), "tags", List.of("a", "b"), "n", 1,
                "flag", true));
        saved("bob", map("owner", map("name", "Bob", "age", 27), "tags", List.of("b"), "n", "1", "flag", false));
        saved("cy", map("owner", map("name", "Cyrille Ö'Hara \"CY\"", "age", 41.5), "tags", List.of(), "note", null));
        saved("none", null);
    }

    @Test
    void documentsOfEveryJavaTypeRoundTrip(Queries queries) {
        Document d = Document.of("all", map("text", "quote \" backslash \\ tab \t é 😀", "int", 7, "big",
                new BigDecimal("12345678901234567890.123456789"), "list", List.of(1, "two", map("three", 3)),
                "nothing", null, "yes", true));
        d.tags = List.of("x", "y");
        d.settings = new Settings("dark", 14, List.of("spell", "git"));
        d.anything = List.of("any", 2);
        queries.assertNumQueries(1, d::save);
        Document back = queries.assertNumQueries(1, () -> Document.objects.get("pk", d.id));
        assertThat(back.data).isEqualTo(d.data);
        assertThat(back.tags).containsExactly("x", "y");
        assertThat(back.settings).isEqualTo(d.settings);
        assertThat(back.anything).isEqualTo(List.of("any", 2));
        assertThat(Document.objects.filter("pk", d.id).valuesList("settings", Settings.class).list())
                .containsExactly(d.settings);
    }

    @Test
    void emptyAndDeepDocumentsRoundTrip(Queries queries) {
        Object built = "bottom";
        for (int i = 0; i < 30; i++) {
            built = i % 2 == 0 ? List.of(built) : map("k" + i, built);
        }
        Object deep = built;
        Document empty = saved("empty", map());
        Document nested = saved("deep", map("root", deep));
        queries.assertNumQueries(2, () -> {
            assertThat(Document.objects.get("pk", empty.id).data).isEmpty();
            assertThat(Document.objects.get("pk", nested.id).data).isEqualTo(map("root", deep));
        });
        // A path 31 steps down, keys and indexes alternating as built above.
        List<String> path = new ArrayList<>(List.of("data", "root"));
        for (int i = 29; i >= 0; i--) {
            path.add(i % 2 == 0 ? "0" : "k" + i);
        }
        assertThat(Document.objects.filter(String.join("__", path), "bottom").count()).isEqualTo(1);
    }

    private static Object nested(int depth) {
        Object v = 1;
        for (int i = 0; i < depth; i++) {
            v = List.of(v);
        }
        return v;
    }

    @Test
    @RequiresFeature(Feature.DEEP_JSON)
    void documentsNestedDeeperThan31RoundTripWhereTheDatabaseStoresThem(Queries queries) {
        Document d = Document.of("forty", map("deep", nested(40)));
        queries.assertNumQueries(1, d::save);
        assertThat(Document.objects.get("pk", d.id).data).isEqualTo(map("deep", nested(40)));
    }

    @Test
    @SkipIfFeature(Feature.DEEP_JSON)
    void documentsNestedDeeperThan31AreRefusedBeforeSqlWhereTheDatabaseRefusesThem(Queries queries) {
        Document d = Document.of("forty", map("deep", nested(40)));
        queries.assertNumQueries(0, () -> assertThatThrownBy(d::save).isInstanceOf(InvalidValueError.class)
                .hasMessageContaining("Document.data").hasMessageContaining("nested more than 31 deep"));
        // The map and 30 arrays: 31 levels, the most MariaDB stores.
        d.data = map("deep", nested(30));
        d.save();
        assertThat(Document.objects.get("pk", d.id).data).isEqualTo(map("deep", nested(30)));
    }

    @Test
    void aDocumentTheCodecCannotWriteIsRefusedBeforeSql(Queries queries) {
        // Jackson writes at most 1,000 levels.
        Document d = Document.of("too-deep", map("deep", nested(1_200)));
        queries.assertNumQueries(0, () -> assertThatThrownBy(d::save).isInstanceOf(InvalidValueError.class)
                .hasMessageContaining("Document.data: the JSON codec cannot write a LinkedHashMap"));
    }

    @Test
    void keyAndIndexLookups(Queries queries) {
        library();
        queries.assertNumQueries(11, () -> {
            assertThat(names(Document.objects.filter("data__owner__name", "Bob").list())).containsExactly("bob");
            assertThat(names(Document.objects.filter("data__tags__0", "b").list())).containsExactly("bob");
            assertThat(names(Document.objects.filter("data__tags__1", "b").list())).containsExactly("ann");
            // JSON values, not text: 1 and "1" differ.
            assertThat(names(Document.objects.filter("data__n", 1).list())).containsExactly("ann");
            assertThat(names(Document.objects.filter("data__n", "1").list())).containsExactly("bob");
            assertThat(names(Document.objects.filter("data__flag", false).list())).containsExactly("bob");
            assertThat(names(Document.objects.filter("data__owner__age__gt", 30).list())).containsExactly("ann", "cy");
            assertThat(names(Document.objects.filter("data__owner__age__lte", 34).list())).containsExactly("ann", "bob");
            assertThat(names(Document.objects.filter("data__owner__name__icontains", "'HARA \"c").list())).containsExactly("cy");
            assertThat(names(Document.objects.filter("data__owner__name__startswith", "B").list())).containsExactly("bob");
            assertThat(names(Document.objects.filter("data__owner__name__in", List.of("Ann", "Bob", "Zed")).list()))
                    .containsExactly("ann", "bob");
        });
        queries.assertNumQueries(2, () -> {
            assertThat(names(Document.objects.exclude("data__owner__name", "Ann").list())).containsExactly("bob", "cy",
                    "none");
            assertThat(names(Document.objects.filter("data__owner", map("name", "Bob", "age", 27)).list()))
                    .containsExactly("bob");
        });
    }

    @Test
    void hasKeyHasKeysAndHasAnyKeys(Queries queries) {
        library();
        queries.assertNumQueries(5, () -> {
            assertThat(names(Document.objects.filter("data__has_key", "flag").list())).containsExactly("ann", "bob");
            assertThat(names(Document.objects.filter("data__has_keys", List.of("owner", "note")).list()))
                    .containsExactly("cy");
            assertThat(names(Document.objects.filter("data__has_any_keys", List.of("note", "flag")).list()))
                    .containsExactly("ann", "bob", "cy");
            assertThat(names(Document.objects.filter("data__owner__has_key", "city").list())).containsExactly("ann");
            // A key holding the JSON null is a key.
            assertThat(names(Document.objects.filter("data__has_key", "note").list())).containsExactly("cy");
        });
    }

    @Test
    void isnullIsSqlNullOrAMissingKeyAndExactNullIsTheJsonNull(Quarry quarry, Queries queries) {
        library();
        Document jsonNull = saved("json-null", map());
        Database db = Session.of(quarry).database();
        var ops = db.backend().operations();
        db.update(CompiledSql.of("UPDATE " + ops.quoteName("document") + " SET " + ops.quoteName("data") + " = 'null' WHERE "
                + ops.quoteName("id") + " = ?", List.of(jsonNull.id)));
        queries.assertNumQueries(6, () -> {
            assertThat(names(Document.objects.filter("data__isnull", true).list())).containsExactly("none");
            assertThat(names(Document.objects.filter("data", null).list())).containsExactly("json-null");
            assertThat(Document.objects.get("name", "json-null").data).isNull();
            // On a key: isnull means missing; exact null means the JSON null is there.
            assertThat(names(Document.objects.filter("data__note__isnull", true).list()))
                    .containsExactly("ann", "bob", "json-null", "none");
            assertThat(names(Document.objects.filter("data__note__isnull", false).list())).containsExactly("cy");
            assertThat(names(Document.objects.filter("data__note", null).list())).containsExactly("cy");
        });
    }

    @Test
    @RequiresFeature(Feature.JSON_CONTAINS)
    void containsAndContainedBy(Queries queries) {
        library();
        queries.assertNumQueries(5, () -> {
            assertThat(names(Document.objects.filter("data__contains", map("owner", map("name", "Ann"))).list()))
                    .containsExactly("ann");
            assertThat(names(Document.objects.filter("data__tags__contains", List.of("b")).list()))
                    .containsExactly("ann", "bob");
            assertThat(names(Document.objects.filter("data__owner__contained_by",
                    map("name", "Bob", "age", 27, "extra", 1)).list())).containsExactly("bob");
            assertThat(names(Document.objects.filter("data__contains", map()).list())).containsExactly("ann", "bob", "cy");
            assertThat(names(Document.objects.filter("tags__contains", List.of()).list()))
                    .containsExactly("ann", "bob", "cy", "none");
        });
    }

    @Test
    @SkipIfFeature(Feature.JSON_CONTAINS)
    void containsIsRefusedBeforeSqlWhereTheDatabaseHasNoJsonContainment(Queries queries) {
        queries.assertNumQueries(0, () -> assertThatThrownBy(() -> Document.objects
                .filter("data__contains", map("a", 1)).count())
                .isInstanceOf(NotSupportedError.class).hasMessageContaining("Feature.JSON_CONTAINS"));
    }

    @Test
    void updateAndBulkUpdateWriteDocuments(Queries queries) {
        library();
        queries.assertNumQueries(1, () -> Document.objects.filter("name", "ann").update("data", map("v", 2)));
        assertThat(Document.objects.get("name", "ann").data).isEqualTo(map("v", 2));
        List<Document> docs = Document.objects.filter("name__in", List.of("bob", "cy")).orderBy("name").list();
        docs.get(0).data = map("v", 3);
        docs.get(1).data = null;
        docs.get(1).tags = List.of("z");
        queries.assertNumQueries(1, () -> Document.objects.all().bulkUpdate(docs, "data", "tags"));
        assertThat(names(Document.objects.filter("data__v__gte", 2).list())).containsExactly("ann", "bob");
        assertThat(Document.objects.get("name", "cy").data).isNull();
        assertThat(Document.objects.get("name", "cy").tags).containsExactly("z");
    }

    @Test
    void defaultsAreFreshAndFullCleanChecksBlank(Queries queries) {
        Document a = new Document();
        Document b = new Document();
        assertThat(a.tags).isEmpty();
        a.tags.add("mine");
        assertThat(b.tags).isEmpty();
        b.data = map();
        queries.assertNumQueries(0, () -> assertThatThrownBy(b::fullClean).isInstanceOfSatisfying(ValidationError.class,
                e -> assertThat(e.fieldErrors()).containsOnlyKeys("data")));
        b.data = map("k", 1);
        b.fullClean();
    }
}
