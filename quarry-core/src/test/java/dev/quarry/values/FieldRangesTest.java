package dev.quarry.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.quarry.InvalidValueError;
import dev.quarry.Quarry;
import dev.quarry.ValidationError;
import dev.quarry.load.Session;
import dev.quarry.sql.CompiledSql;
import dev.quarry.test.OnlyOn;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * A value outside its field's range is refused with an {@link InvalidValueError} naming the model
 * and field, before any SQL, on every backend: SQLite would store it (and read 3,000,000,000 back
 * from an integer column as -1,294,967,296), PostgreSQL and MariaDB would fail with their own
 * errors, or round a decimal. Ranges are Django's {@code integer_field_range} per field kind,
 * {@code maxDigits}/{@code decimalPlaces} for decimals, and years 1 to 9999 for dates.
 */
@QuarryTest(models = {Measure.class})
class FieldRangesTest {

    private static void refused(Queries queries, String field, String expected, ThrowingCallable work) {
        queries.assertNumQueries(0, () -> assertThatThrownBy(work).isInstanceOf(InvalidValueError.class)
                .hasMessageContaining(field).hasMessageContaining(expected));
    }

    private static void savingRefused(Queries queries, String field, String expected, Consumer<Measure> set) {
        Measure m = Measure.of("bad");
        set.accept(m);
        refused(queries, "Measure." + field, expected, m::save);
        assertThat(m.id).isNull();
    }

    // ----- whole numbers -----

    @Test
    void saveRefusesAnIntegerItsColumnCannotHoldEvenWhenTheJavaFieldCan(Queries queries) {
        Measure m = Measure.of("wide");
        m.wide = 3_000_000_000L;
        InvalidValueError e = queries.assertNumQueries(0, () -> {
            try {
                m.save();
                return null;
            } catch (InvalidValueError err) {
                return err;
            }
        });
        assertThat(e).isNotNull().hasMessageContaining("Measure.wide")
                .hasMessageContaining("from -2147483648 to 2147483647").hasMessageContaining("3000000000");
        assertThat(e.model()).isEqualTo(Measure.class);
        assertThat(e.field()).isEqualTo("wide");
        assertThat(Measure.objects.count()).isZero();
    }

    @Test
    void eachIntegerKindRefusesTheFirstValueBeyondItsRange(Queries queries) {
        savingRefused(queries, "small", "from -32768 to 32767", m -> m.small = 32_768);
        savingRefused(queries, "small", "from -32768 to 32767", m -> m.small = -32_769);
        savingRefused(queries, "rating", "from 0 to 32767", m -> m.rating = (short) -1);
        savingRefused(queries, "count", "from 0 to 2147483647", m -> m.count = -1L);
        savingRefused(queries, "count", "from 0 to 2147483647", m -> m.count = 2_147_483_648L);
        savingRefused(queries, "wide", "from -2147483648 to 2147483647", m -> m.wide = -2_147_483_649L);
        assertThat(Measure.objects.count()).isZero();
    }

    @Test
    void everyIntegerKindHoldsItsWholeRangeOnEveryBackend() {
        Measure high = Measure.of("high");
        high.small = 32_767;
        high.rating = Short.MAX_VALUE;
        high.count = 2_147_483_647L;
        high.wide = 2_147_483_647L;
        high.plain = Integer.MAX_VALUE;
        high.big = Long.MAX_VALUE;
        high.save();
        Measure low = Measure.of("low");
        low.small = -32_768;
        low.rating = 0;
        low.count = 0L;
        low.wide = -2_147_483_648L;
        low.plain = Integer.MIN_VALUE;
        low.big = Long.MIN_VALUE;
        low.save();
        Measure h = Measure.objects.get("name", "high");
        assertThat(List.of(h.small, h.rating, h.count, h.wide, h.plain, h.big))
                .containsExactly(32_767, Short.MAX_VALUE, 2_147_483_647L, 2_147_483_647L, Integer.MAX_VALUE, Long.MAX_VALUE);
        Measure l = Measure.objects.get("name", "low");
        assertThat(List.of(l.small, l.rating, l.count, l.wide, l.plain, l.big))
                .containsExactly(-32_768, (short) 0, 0L, -2_147_483_648L, Integer.MIN_VALUE, Long.MIN_VALUE);
        assertThat(Measure.objects.filter("wide", 2_147_483_647L).filter("big", Long.MIN_VALUE).count()).isZero();
        assertThat(Measure.objects.filter("plain__lt", 0).valuesList("big", Long.class).list()).containsExactly(Long.MIN_VALUE);
    }

    @Test
    void createRefusesOutOfRangeNumbersAndText(Queries queries) {
        refused(queries, "Measure.wide", "2147483647", () -> Measure.objects.create(m -> m.wide = 3_000_000_000L));
        refused(queries, "Measure.wide", "2147483647", () -> Measure.objects.create(Map.of("wide", 3_000_000_000L)));
        refused(queries, "Measure.small", "32767", () -> Measure.objects.create(Map.of("small", "40000")));
        refused(queries, "Measure.rating", "from 0", () -> Measure.objects.create(Map.of("rating", -1)));
        refused(queries, "Measure.big", "whole number", () -> Measure.objects.create(Map.of("big", "9223372036854775808")));
        assertThat(Measure.objects.count()).isZero();
    }

    @Test
    void bulkCreateRefusesTheWholeListBeforeItsFirstBatch(Queries queries) {
        List<Measure> all = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            Measure m = Measure.of("m" + i);
            m.wide = (long) i;
            all.add(m);
        }
        all.get(249).wide = 3_000_000_000L;
        refused(queries, "Measure.wide", "2147483647", () -> Measure.objects.bulkCreate(all, 100));
        assertThat(all).allSatisfy(m -> assertThat(m.id).isNull());
        assertThat(Measure.objects.count()).isZero();
    }

    @Test
    void updateRefusesValuesTheColumnCannotHold(Queries queries) {
        Measure.of("one").save();
        refused(queries, "Measure.wide", "2147483647", () -> Measure.objects.all().update("wide", 3_000_000_000L));
        refused(queries, "Measure.count", "from 0", () -> Measure.objects.all().update("count", -5));
        // PostgreSQL and MariaDB would round 2.5 into the integer column, SQLite would store it as it is.
        refused(queries, "Measure.plain", "whole number", () -> Measure.objects.all().update("plain", 2.5));
        refused(queries, "Measure.price", "digits before the decimal point", () -> Measure.objects.all().update("price", "1234.5"));
        refused(queries, "Measure.day", "0001-01-01 to 9999-12-31",
                () -> Measure.objects.all().update("day", LocalDate.of(10_000, 1, 1)));
        refused(queries, "Measure.at", "to 9999-12-31T23:59:59.999999Z", () -> Measure.objects.all().update("at", Instant.MAX));
    }

    @Test
    void lookupsRefuseValuesTheColumnCannotHold(Queries queries) {
        refused(queries, "Measure.plain", "2147483647", () -> Measure.objects.filter("plain", 3_000_000_000L).count());
        refused(queries, "Measure.small", "32767", () -> Measure.objects.filter("small__in", List.of(1, 40_000)).list());
        refused(queries, "Measure.rating", "from 0", () -> Measure.objects.exclude("rating", -1).exists());
        refused(queries, "Measure.day", "0001-01-01 to 9999-12-31",
                () -> Measure.objects.filter("day__lt", LocalDate.of(10_000, 1, 1)).count());
        refused(queries, "Measure.at", "9999-12-31T23:59:59.999999Z", () -> Measure.objects.filter("at__lte", Instant.MAX).count());
    }

    // ----- decimals -----

    @Test
    void decimalsBeyondTheirDigitsAreRefusedRatherThanRoundedOrStored(Queries queries) {
        // Django rounds 1.005 to 1.00 on save (and fails on 1234.5); PostgreSQL and MariaDB would round
        // it to 1.01 and SQLite would keep 1.005: refused everywhere instead.
        savingRefused(queries, "price", "at most 2 decimal places", m -> m.price = new BigDecimal("1.005"));
        savingRefused(queries, "price", "at most 3 digits before the decimal point", m -> m.price = new BigDecimal("1234.5"));
        savingRefused(queries, "price", "at most 3 digits", m -> m.price = new BigDecimal("1E+3"));
        refused(queries, "Measure.price", "decimal places", () -> Measure.objects.create(Map.of("price", "0.001")));
        Measure edge = Measure.of("edge");
        edge.price = new BigDecimal("-999.99");
        edge.save();
        Measure zeros = Measure.of("zeros");
        zeros.price = new BigDecimal("1.50000");
        zeros.save();
        assertThat(Measure.objects.get("name", "edge").price).isEqualByComparingTo("-999.99");
        assertThat(Measure.objects.get("name", "zeros").price).isEqualByComparingTo("1.5");
        assertThat(Measure.objects.filter("price__lt", 0).count()).isEqualTo(1);
    }

    @Test
    void fullCleanReportsTheRangesWithDjangosValidatorMessages() {
        Measure m = Measure.of("clean");
        m.small = 40_000;
        m.count = -1L;
        m.price = new BigDecimal("1234.5");
        ValidationError e = catchThrowableOfType(ValidationError.class, m::fullClean);
        assertThat(e.fieldErrors()).containsEntry("small", List.of("Ensure this value is less than or equal to 32767."))
                .containsEntry("count", List.of("Ensure this value is greater than or equal to 0."))
                .containsEntry("price", List.of("Ensure that there are no more than 3 digits before the decimal point."));
        m.small = 1;
        m.count = 1L;
        m.price = new BigDecimal("1.005");
        e = catchThrowableOfType(ValidationError.class, m::fullClean);
        assertThat(e.fieldErrors()).containsOnlyKeys("price");
        assertThat(e.fieldErrors().get("price")).containsExactly("Ensure that there are no more than 2 decimal places.");
    }

    // ----- dates -----

    @Test
    void datesOutsideYearsOneTo9999AreRefused(Queries queries) {
        savingRefused(queries, "day", "0001-01-01 to 9999-12-31", m -> m.day = LocalDate.of(10_000, 1, 1));
        savingRefused(queries, "day", "0001-01-01 to 9999-12-31", m -> m.day = LocalDate.of(0, 12, 31));
        savingRefused(queries, "day", "0001-01-01 to 9999-12-31", m -> m.day = LocalDate.MIN);
        savingRefused(queries, "at", "0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999Z", m -> m.at = Instant.MAX);
        savingRefused(queries, "at", "9999-12-31T23:59:59.999999Z", m -> m.at = Instant.MIN);
        savingRefused(queries, "at", "9999-12-31T23:59:59.999999Z", m -> m.at = Instant.parse("+10000-01-01T00:00:00Z"));
        refused(queries, "Measure.day", "9999-12-31", () -> Measure.objects.create(Map.of("day", "+10000-01-01")));
    }

    @Test
    void theFirstAndLastDayOfTheRangeRoundTripAndCompare() {
        Measure first = Measure.of("first");
        first.day = LocalDate.of(1, 1, 1);
        first.at = Instant.parse("0001-01-01T00:00:00Z");
        first.save();
        Measure last = Measure.of("last");
        last.day = LocalDate.of(9999, 12, 31);
        last.at = Instant.parse("9999-12-31T23:59:59.999999Z");
        last.save();
        Measure f = Measure.objects.get("name", "first");
        Measure l = Measure.objects.get("name", "last");
        assertThat(f.day).isEqualTo(LocalDate.of(1, 1, 1));
        assertThat(f.at).isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
        assertThat(l.day).isEqualTo(LocalDate.of(9999, 12, 31));
        assertThat(l.at).isEqualTo(Instant.parse("9999-12-31T23:59:59.999999Z"));
        assertThat(Measure.objects.filter("day__gt", "0999-12-31").orderBy("day").valuesList("name", String.class).list())
                .containsExactly("last");
        assertThat(Measure.objects.filter("at__lt", "2000-01-01T00:00:00Z").valuesList("name", String.class).list())
                .containsExactly("first");
    }

    // ----- reading -----

    /** Only SQLite lets an integer column hold 3,000,000,000 (PostgreSQL and MariaDB refuse to store it). */
    @Test
    @OnlyOn("sqlite")
    void aValueOutsideItsColumnsRangeIsRefusedWhenReadNotWrapped(Quarry quarry) {
        Measure m = Measure.of("outside");
        m.save();
        var db = Session.of(quarry).database();
        var ops = db.backend().operations();
        db.update(CompiledSql.of("UPDATE " + ops.quoteName("measure") + " SET " + ops.quoteName("plain") + " = ?",
                List.of(3_000_000_000L)));
        assertThatThrownBy(() -> Measure.objects.get("pk", m.id)).isInstanceOf(InvalidValueError.class)
                .hasMessageContaining("Measure.plain").hasMessageContaining("3000000000")
                .hasMessageContaining("-2147483648 to 2147483647");
        assertThatThrownBy(() -> Measure.objects.all().valuesList("plain").list()).isInstanceOf(InvalidValueError.class)
                .hasMessageContaining("'plain'").hasMessageContaining("3000000000");
    }
}
