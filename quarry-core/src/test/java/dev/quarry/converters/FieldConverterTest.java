package dev.quarry.converters;

import static dev.quarry.expr.Aggregates.max;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.FieldConverter;
import dev.quarry.ImproperlyConfigured;
import dev.quarry.InvalidValueError;
import dev.quarry.Model;
import dev.quarry.Quarry;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.Convert;
import dev.quarry.annotation.DecimalField;
import dev.quarry.db.Database;
import dev.quarry.load.Session;
import dev.quarry.model.ModelMeta;
import dev.quarry.sql.CompiledSql;
import dev.quarry.test.QuarryTest;
import dev.quarry.test.Queries;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code @Convert} with a user's {@code FieldConverter<J, D>}: the value type is stored in the column its
 * field annotation picks, and every lookup, ordering, default and check of that column keeps working,
 * with values of the user's type on both sides.
 */
@QuarryTest(models = {Order.class})
class FieldConverterTest {

    private static Order saved(String name, String total, long customer, String sku) {
        Order o = Order.of(name, total, customer, sku);
        o.save();
        return o;
    }

    private static List<String> names(List<Order> orders) {
        return orders.stream().map(o -> o.name).toList();
    }

    private static Object stored(Quarry quarry, String column, Object id) {
        Database db = Session.of(quarry).database();
        var ops = db.backend().operations();
        return db.query(CompiledSql.of("SELECT " + ops.quoteName(column) + " FROM " + ops.quoteName("orders") + " WHERE "
                + ops.quoteName("id") + " = ?", List.of(id)), rs -> rs.next() ? rs.getObject(1) : null);
    }

    @Test
    void valueTypesRoundTripInTheirColumnsForm(Quarry quarry, Queries queries) {
        Order o = Order.of("first", "12.50", 9_000_000_000L, "AB-1");
        queries.assertNumQueries(1, o::save);
        Order back = queries.assertNumQueries(1, () -> Order.objects.get("pk", o.id));
        assertThat(back.total.amount()).isEqualByComparingTo("12.50");
        assertThat(back.customer).isEqualTo(new CustomerId(9_000_000_000L));
        assertThat(back.sku).isEqualTo(new Sku("AB-1"));
        assertThat(new BigDecimal(stored(quarry, "total", o.id).toString())).isEqualByComparingTo("12.5");
        assertThat(((Number) stored(quarry, "customer", o.id)).longValue()).isEqualTo(9_000_000_000L);
        assertThat(stored(quarry, "sku", o.id)).isEqualTo("AB-1");
        assertThat(new Order().total).isEqualTo(Money.of("0.00"));
    }

    @Test
    void everyLookupTakesTheValueType(Queries queries) {
        saved("a", "5.00", 1, "AB-1");
        saved("b", "12.50", 2, "AB-2");
        saved("c", "99.99", 3, "XY-9");
        saved("d", "0.10", 3, null);
        queries.assertNumQueries(10, () -> {
            assertThat(names(Order.objects.filter("total", Money.of("12.5")).list())).containsExactly("b");
            assertThat(names(Order.objects.filter("total__gt", Money.of("5")).orderBy("name").list()))
                    .containsExactly("b", "c");
            assertThat(names(Order.objects.filter("total__range", List.of(Money.of("1"), Money.of("20"))).orderBy("name")
                    .list())).containsExactly("a", "b");
            assertThat(names(Order.objects.filter("customer__in", List.of(new CustomerId(1), new CustomerId(3)))
                    .orderBy("name").list())).containsExactly("a", "c", "d");
            assertThat(names(Order.objects.exclude("customer", new CustomerId(3)).orderBy("name").list()))
                    .containsExactly("a", "b");
            assertThat(names(Order.objects.filter("sku__startswith", new Sku("AB")).orderBy("name").list()))
                    .containsExactly("a", "b");
            assertThat(names(Order.objects.filter("sku__icontains", "y-").list())).containsExactly("c");
            assertThat(names(Order.objects.filter("sku__isnull", true).list())).containsExactly("d");
            // Ordering and aggregates work on the column; an aggregate gives the column's type.
            assertThat(names(Order.objects.orderBy("-total").list())).containsExactly("c", "b", "a", "d");
            assertThat(Order.objects.aggregate(max("total", BigDecimal.class))).isEqualByComparingTo("99.99");
        });
        queries.assertNumQueries(2, () -> {
            assertThat(Order.objects.orderBy("total").valuesList("total", Money.class).list())
                    .extracting(m -> m.amount().stripTrailingZeros()).containsExactly(new BigDecimal("0.1"),
                            new BigDecimal("5"), new BigDecimal("12.5"), new BigDecimal("99.99"));
            assertThat(Order.objects.filter("name", "c").values("customer", "sku").list())
                    .containsExactly(Map.of("customer", new CustomerId(3), "sku", new Sku("XY-9")));
        });
    }

    @Test
    void createAndUpdateTakeTheValueTypeOrTheColumnsForm(Queries queries) {
        Order made = queries.assertNumQueries(1, () -> Order.objects.create(Map.of("name", "m", "total", "7.25",
                "customer", 42, "sku", new Sku("Q-1"))));
        assertThat(made.total).isEqualTo(Money.of("7.25"));
        assertThat(made.customer).isEqualTo(new CustomerId(42));
        queries.assertNumQueries(1, () -> Order.objects.filter("pk", made.id).update(Map.of("total", Money.of("8.00"),
                "customer", new CustomerId(43))));
        Order back = Order.objects.get("pk", made.id);
        assertThat(back.total.amount()).isEqualByComparingTo("8");
        assertThat(back.customer).isEqualTo(new CustomerId(43));
    }

    @Test
    void theColumnsChecksApplyToTheConvertedValue(Queries queries) {
        queries.assertNumQueries(0, () -> {
            Order o = Order.of("x", "1.005", 1, null);
            // decimalPlaces = 2: checked on the BigDecimal the converter gives, before any SQL.
            assertThatThrownBy(o::save).isInstanceOf(InvalidValueError.class).hasMessageContaining("Order.total")
                    .hasMessageContaining("at most 2 decimal places");
            o.total = Money.of("1000000.00");
            assertThatThrownBy(o::save).isInstanceOf(InvalidValueError.class)
                    .hasMessageContaining("at most 6 digits before the decimal point");
        });
    }

    @Test
    void aConverterThatFailsIsNamedNotTheValue(Quarry quarry, Queries queries) {
        Order o = saved("neg", "1.00", 1, "S");
        Database db = Session.of(quarry).database();
        var ops = db.backend().operations();
        db.update(CompiledSql.of("UPDATE " + ops.quoteName("orders") + " SET " + ops.quoteName("total") + " = -3",
                List.of()));
        assertThatThrownBy(() -> queries.assertNumQueries(1, () -> Order.objects.get("pk", o.id)))
                .isInstanceOf(InvalidValueError.class)
                .hasMessageContaining("Order with id = " + o.id)
                .hasMessageContaining("MoneyConverter.fromDatabase threw IllegalArgumentException")
                .hasMessageNotContaining("negative money");
        queries.assertNumQueries(0, () -> assertThatThrownBy(() -> Order.objects.create(Map.of("sku", " ")))
                .isInstanceOf(InvalidValueError.class).hasMessageContaining("SkuConverter.fromDatabase returned null"));
    }

    /** Stores text in a decimal column. */
    public static final class TextMoney implements FieldConverter<Money, String> {
        @Override
        public String toDatabase(Money value) {
            return value.amount().toPlainString();
        }

        @Override
        public Money fromDatabase(String value) {
            return Money.of(value);
        }
    }

    /** A converter whose types do not fit its column. */
    public static class WrongColumn extends Model {
        @DecimalField(maxDigits = 5, decimalPlaces = 2)
        @Convert(TextMoney.class)
        public Money total;
    }

    /** A converter of another Java type. */
    public static class WrongField extends Model {
        @CharField(maxLength = 5)
        @Convert(SkuConverter.class)
        public Money total;
    }

    /** A converter without a no-argument constructor. */
    public static final class NeedsArgument implements FieldConverter<Sku, String> {
        private final String prefix;

        /** Needs an argument Quarry cannot give. */
        public NeedsArgument(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public String toDatabase(Sku value) {
            return prefix + value.code();
        }

        @Override
        public Sku fromDatabase(String value) {
            return new Sku(value);
        }
    }

    /** Holds a converter Quarry cannot create. */
    public static class Uncreatable extends Model {
        @CharField(maxLength = 5)
        @Convert(NeedsArgument.class)
        public Sku sku;
    }

    @Test
    void convertersThatDoNotFitAreRefusedAtStartUp() {
        assertThatThrownBy(() -> ModelMeta.of(WrongColumn.class)).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("WrongColumn.total: the converter TextMoney stores String values, but a DECIMAL "
                        + "column holds BigDecimal");
        assertThatThrownBy(() -> ModelMeta.of(WrongField.class)).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("WrongField.total: the converter SkuConverter converts Sku values, but the field is "
                        + "a Money");
        assertThatThrownBy(() -> ModelMeta.of(Uncreatable.class)).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("cannot create the converter NeedsArgument");
    }
}
