package dev.quarry.semantics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.Quarry;
import dev.quarry.ValidationError;
import dev.quarry.sql.CompiledSql;
import dev.quarry.test.QuarryTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every field kind round-trips and filters the same on every backend; model options take effect. */
@QuarryTest(models = {Gadget.class})
class FieldTypesTest {
    private static final UUID CODE = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    private static final Instant SEEN = Instant.parse("2024-02-29T13:45:10.123456Z");

    private static Gadget gadget(String name, boolean active) {
        Gadget g = new Gadget();
        g.name = name;
        g.active = active;
        g.code = CODE;
        g.price = new BigDecimal("12.50");
        g.weight = 0.25;
        g.seen = SEEN;
        g.save();
        return g;
    }

    @Test
    void valuesOfEveryKindRoundTrip() {
        Gadget saved = gadget("lamp", true);
        Gadget g = Gadget.objects.get("pk", saved.id);
        assertThat(g.code).isEqualTo(CODE);
        assertThat(g.price).isEqualTo(new BigDecimal("12.50"));
        assertThat(g.active).isTrue();
        assertThat(g.weight).isEqualTo(0.25);
        assertThat(g.seen).isEqualTo(SEEN);
        assertThat(g.stock).isEqualTo(7L);
        assertThat(g.size).isEqualTo((short) 1);
    }

    /**
     * As Django (django_decimal_places.py): a decimal comes back with the field's places on every backend,
     * on instances and in values(), although SQLite keeps 12.50 as the REAL 12.5 and 12.00 as the INTEGER 12.
     */
    @Test
    void decimalsComeBackWithTheFieldsPlaces() {
        gadget("lamp", true);
        Gadget whole = gadget("desk", true);
        whole.price = new BigDecimal("12");
        whole.save();
        List<Gadget> loaded = Gadget.objects.orderBy("name").list();
        assertThat(loaded).extracting(g -> g.price).containsExactly(new BigDecimal("12.00"), new BigDecimal("12.50"));
        assertThat(Gadget.objects.orderBy("name").valuesList("price", BigDecimal.class).list())
                .containsExactly(new BigDecimal("12.00"), new BigDecimal("12.50"));
        assertThat(Gadget.objects.orderBy("name").values("price").list()).extracting(m -> m.get("price"))
                .containsExactly(new BigDecimal("12.00"), new BigDecimal("12.50"));
    }

    @Test
    void filtersOnEveryKind() {
        gadget("lamp", true);
        gadget("desk", false);
        assertThat(Gadget.objects.filter("code", CODE).count()).isEqualTo(2);
        assertThat(Gadget.objects.filter("code", CODE.toString()).count()).isEqualTo(2);
        assertThat(Gadget.objects.filter("active", true).valuesList("name", String.class).list()).containsExactly("lamp");
        assertThat(Gadget.objects.filter("price__gte", new BigDecimal("12.00")).count()).isEqualTo(2);
        assertThat(Gadget.objects.filter("seen", SEEN).count()).isEqualTo(2);
        assertThat(Gadget.objects.filter("seen__year", 2024).filter("seen__month", 2).filter("seen__day", 29).count()).isEqualTo(2);
        assertThat(Gadget.objects.filter("seen__gt", "2024-02-29T13:45:10Z").count()).isEqualTo(2);
        assertThat(Gadget.objects.filter("weight__lt", 0.5).count()).isEqualTo(2);
    }

    @Test
    void modelOptionsNameTheTableAndColumnAndOrderTheRows(Quarry quarry) {
        gadget("b", true);
        gadget("c", true);
        gadget("a", true);
        // @Meta(ordering = "-name"): the default order; orderBy() with no terms clears it.
        assertThat(Gadget.objects.all().valuesList("name", String.class).list()).containsExactly("c", "b", "a");
        assertThat(Gadget.objects.all().sql().text()).contains("ORDER BY").contains("label");
        assertThat(Gadget.objects.unordered().sql().text()).doesNotContain("ORDER BY");
        var ops = dev.quarry.load.Session.of(quarry).database().backend().operations();
        String table = ops.quoteName("gadgets");
        String column = ops.quoteName("label");
        Long rows = dev.quarry.load.Session.of(quarry).database().query(CompiledSql.of("SELECT COUNT(" + column + ") FROM " + table, List.of()),
                rs -> rs.next() ? rs.getLong(1) : -1L);
        assertThat(rows).isEqualTo(3L);
    }

    @Test
    void choicesAreValidated() {
        Gadget g = new Gadget();
        g.name = "x";
        g.size = 9;
        assertThatThrownBy(g::fullClean).isInstanceOfSatisfying(ValidationError.class,
                e -> assertThat(e.fieldErrors().get("size").get(0)).contains("'9' is not a valid choice"));
        g.size = 2;
        g.fullClean();
    }
}
