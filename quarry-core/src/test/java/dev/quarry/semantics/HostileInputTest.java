package dev.quarry.semantics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.FieldError;
import dev.quarry.Quarry;
import dev.quarry.QuarryException;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Values are always bound, identifiers always come from metadata: hostile input finds the right rows or a clear error. */
@QuarryTest(models = {Writer.class, Novel.class, Critique.class, Label.class})
class HostileInputTest {
    private static final List<String> HOSTILE = List.of("'", "\"", "%", "_", "\\", "\\'", "';", "'; DROP TABLE writer; --",
            "\" OR \"1\"=\"1", "' OR '1'='1", "📚✨ emoji", "*?[", "`backtick`", "x".repeat(100));

    @Test
    void hostileValuesRoundTripAndMatchExactlyThemselves() {
        new Library();
        for (String v : HOSTILE) {
            Writer.of(v);
        }
        for (String v : HOSTILE) {
            assertThat(Writer.objects.get("name", v).name).as("exact %s", v).isEqualTo(v);
            for (String lookup : List.of("contains", "icontains", "startswith", "endswith")) {
                List<String> found = Writer.objects.filter("name__" + lookup, v).valuesList("name", String.class).list();
                assertThat(found).as("%s %s", lookup, v).contains(v);
                assertThat(found).as("%s %s matches only names containing it", lookup, v)
                        .allMatch(n -> n.toLowerCase().contains(v.toLowerCase()));
            }
            assertThat(Writer.objects.filter("name__in", List.of(v, "Ann")).count()).isEqualTo(2);
        }
        assertThat(Writer.objects.count()).isEqualTo(4 + HOSTILE.size());
    }

    @Test
    void aNulCharacterIsStoredOrRefusedClearlyAndHarmsNothing(Quarry quarry) {
        new Library();
        String nul = "a\u0000b";
        try {
            quarry.atomic().run(() -> Writer.of(nul));
            // SQLite and MariaDB store it.
            assertThat(Writer.objects.filter("name", nul).count()).isEqualTo(1);
        } catch (QuarryException e) {
            // PostgreSQL text cannot hold NUL; the driver refuses the value.
            assertThat(e.getMessage()).isNotBlank();
        }
        assertThat(Writer.objects.filter("name", "Ann").count()).isEqualTo(1);
    }

    @Test
    void hostileLookupNamesFailBeforeAnySql(Queries queries) {
        queries.assertNumQueries(0, () -> {
            for (String lookup : List.of("name; DROP TABLE writer", "name__exact'--", "\"name\"", "name__", "__name", "",
                    "name) OR (1=1", "novels__title__icontains; --")) {
                assertThatThrownBy(() -> Writer.objects.filter(lookup, "x")).as(lookup).isInstanceOf(FieldError.class);
            }
            assertThatThrownBy(() -> Writer.objects.orderBy("name; DROP TABLE writer")).isInstanceOf(FieldError.class);
            assertThatThrownBy(() -> Writer.objects.valuesList("name, id")).isInstanceOf(FieldError.class);
        });
    }

    @Test
    void executedSqlCarriesValuesOnlyAsParameters() {
        String evil = "'; DROP TABLE writer; --";
        var sql = Writer.objects.filter("name__icontains", evil).sql();
        assertThat(sql.text()).contains("?").doesNotContain("DROP");
        assertThat(sql.parameters()).hasSize(1);
        assertThat(sql.parameters().get(0).toString()).contains("DROP TABLE");
    }
}
