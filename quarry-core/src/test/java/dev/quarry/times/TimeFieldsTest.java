package dev.quarry.times;

import static dev.quarry.expr.Aggregates.max;
import static dev.quarry.expr.Aggregates.min;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.InvalidValueError;
import dev.quarry.test.QuarryTest;
import dev.quarry.test.Queries;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The time types: {@code Instant}, {@code OffsetDateTime} and {@code ZonedDateTime} are points in time
 * stored in UTC and read back in UTC (Django's {@code USE_TZ = True}); {@code LocalDateTime} is stored as
 * written (Django's {@code USE_TZ = False}); {@code LocalTime} and {@code Duration}. Microseconds are
 * kept on every backend and finer digits dropped; values outside what every backend stores are refused
 * before any SQL.
 */
@QuarryTest(models = {Event.class, Stamp.class})
class TimeFieldsTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static Event saved(String name, Instant at, LocalDateTime local, OffsetDateTime offset, LocalTime time,
                               Duration length) {
        Event e = Event.named(name);
        e.at = at;
        e.local = local;
        e.offset = offset;
        e.time = time;
        e.length = length;
        e.save();
        return e;
    }

    private static List<String> names(List<Event> events) {
        return events.stream().map(e -> e.name).toList();
    }

    @Test
    void eachTypeRoundTripsAtMicrosecondPrecision(Queries queries) {
        Event e = Event.named("nanos");
        e.at = Instant.parse("2024-02-29T13:45:10.123456789Z");
        e.local = LocalDateTime.parse("2024-02-29T13:45:10.123456789");
        e.offset = OffsetDateTime.parse("2024-02-29T15:45:10.123456789+02:00");
        e.zoned = ZonedDateTime.of(2024, 7, 1, 10, 0, 0, 999, PARIS);
        e.time = LocalTime.parse("23:59:59.999999999");
        e.length = Duration.ofDays(3).plusNanos(1_999);
        queries.assertNumQueries(1, e::save);
        Event back = queries.assertNumQueries(1, () -> Event.objects.get("pk", e.id));
        assertThat(back.at).isEqualTo(Instant.parse("2024-02-29T13:45:10.123456Z"));
        assertThat(back.local).isEqualTo(LocalDateTime.parse("2024-02-29T13:45:10.123456"));
        // Aware values come back in UTC: the same instant, offset Z.
        assertThat(back.offset).isEqualTo(OffsetDateTime.parse("2024-02-29T13:45:10.123456Z"));
        assertThat(back.zoned).isEqualTo(ZonedDateTime.of(2024, 7, 1, 8, 0, 0, 0, ZoneOffset.UTC));
        assertThat(back.time).isEqualTo(LocalTime.parse("23:59:59.999999"));
        assertThat(back.length).isEqualTo(Duration.ofDays(3).plusNanos(1_000));
    }

    @Test
    void defaultsAreReadFromText() {
        Event e = new Event();
        assertThat(e.opens).isEqualTo(LocalTime.of(9, 30));
        assertThat(e.slot).isEqualTo(Duration.ofMinutes(90));
        assertThat(e.since).isEqualTo(OffsetDateTime.parse("2024-01-01T11:00:00Z"));
        e.save();
        Event back = Event.objects.get("pk", e.id);
        assertThat(List.of(back.opens, back.slot, back.since)).isEqualTo(List.of(e.opens, e.slot, e.since));
    }

    @Test
    void awareValuesCompareAsInstantsWhateverTheirOffset(Queries queries) {
        OffsetDateTime noonParis = OffsetDateTime.parse("2024-06-01T12:00:00+02:00");
        saved("a", null, null, noonParis, null, null);
        saved("b", null, null, OffsetDateTime.parse("2024-06-01T11:00:00+00:00"), null, null);
        saved("c", null, null, OffsetDateTime.parse("2024-06-01T09:30:00-01:00"), null, null);
        queries.assertNumQueries(6, () -> {
            assertThat(names(Event.objects.filter("offset", noonParis.withOffsetSameInstant(ZoneOffset.ofHours(-5)))
                    .list())).containsExactly("a");
            assertThat(names(Event.objects.filter("offset", noonParis.toInstant()).list())).containsExactly("a");
            assertThat(names(Event.objects.filter("offset__gt", noonParis.atZoneSameInstant(PARIS)).orderBy("name")
                    .list())).containsExactly("b", "c");
            // 09:30-01:00 is 10:30 UTC, between the other two.
            assertThat(names(Event.objects.filter("offset__isnull", false).orderBy("offset").list()))
                    .containsExactly("a", "c", "b");
            assertThat(Event.objects.filter("offset__in", List.of(noonParis, noonParis.plusHours(1))).count())
                    .isEqualTo(2);
            assertThat(Event.objects.filter("offset__isnull", false).valuesList("offset", OffsetDateTime.class)
                    .orderBy("offset").list()).containsExactly(OffsetDateTime.parse("2024-06-01T10:00:00Z"),
                    OffsetDateTime.parse("2024-06-01T10:30:00Z"), OffsetDateTime.parse("2024-06-01T11:00:00Z"));
        });
    }

    @Test
    void naiveAndAwareValuesAreNotMixed(Queries queries) {
        queries.assertNumQueries(0, () -> {
            assertThatThrownBy(() -> Event.objects.filter("at", LocalDateTime.of(2024, 1, 1, 0, 0)).count())
                    .isInstanceOf(InvalidValueError.class).hasMessageContaining("a LocalDateTime names no instant");
            assertThatThrownBy(() -> Event.objects.filter("local__lt", Instant.now()).count())
                    .isInstanceOf(InvalidValueError.class).hasMessageContaining("this field has no time zone");
            assertThatThrownBy(() -> Event.objects.create(Map.of("local", OffsetDateTime.now())))
                    .isInstanceOf(InvalidValueError.class).hasMessageContaining("Event.local");
        });
    }

    @Test
    void naiveValuesAreStoredAsWrittenAndFilterByTheirParts(Queries queries) {
        // 02:30 on 31 March 2024 does not exist in Paris (clocks jump to 03:00); a naive value has no zone to check.
        LocalDateTime gap = LocalDateTime.of(2024, 3, 31, 2, 30);
        saved("gap", null, gap, null, null, null);
        saved("new-year", null, LocalDateTime.of(2025, 1, 1, 0, 0), null, null, null);
        queries.assertNumQueries(4, () -> {
            assertThat(Event.objects.get("local", gap).local).isEqualTo(gap);
            assertThat(names(Event.objects.filter("local__year", 2024).filter("local__month", 3).filter("local__day", 31)
                    .list())).containsExactly("gap");
            assertThat(names(Event.objects.filter("local__range", List.of("2024-01-01T00:00", "2024-12-31T23:59:59"))
                    .list())).containsExactly("gap");
            assertThat(names(Event.objects.filter("local__isnull", false).orderBy("-local").list()))
                    .containsExactly("new-year", "gap");
        });
    }

    @Test
    void timesAndDurationsFilterOrderAndAggregate(Queries queries) {
        saved("early", null, null, null, LocalTime.of(6, 0), Duration.ofMinutes(-30));
        saved("noon", null, null, null, LocalTime.NOON, Duration.ZERO);
        saved("late", null, null, null, LocalTime.of(22, 15, 0, 500_000), Duration.ofHours(49));
        queries.assertNumQueries(7, () -> {
            assertThat(names(Event.objects.filter("time__gte", LocalTime.NOON).orderBy("time").list()))
                    .containsExactly("noon", "late");
            assertThat(names(Event.objects.filter("time__range", List.of("05:00", "12:00")).orderBy("-time").list()))
                    .containsExactly("noon", "early");
            assertThat(names(Event.objects.filter("length__lt", Duration.ZERO).list())).containsExactly("early");
            assertThat(names(Event.objects.filter("length__gte", "PT1H").list())).containsExactly("late");
            assertThat(names(Event.objects.filter("length__isnull", false).orderBy("-length").list()))
                    .containsExactly("late", "noon", "early");
            assertThat(Event.objects.aggregate(max("length", Duration.class))).isEqualTo(Duration.ofHours(49));
            assertThat(Event.objects.aggregate(min("time", LocalTime.class))).isEqualTo(LocalTime.of(6, 0));
        });
    }

    @Test
    void extremeValuesRoundTripOrAreRefusedBeforeSql(Queries queries) {
        LocalDateTime first = LocalDateTime.of(1, 1, 1, 0, 0);
        LocalDateTime last = LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999);
        Duration longest = Duration.of(Long.MAX_VALUE, ChronoUnit.MICROS);
        Duration shortest = Duration.of(Long.MIN_VALUE, ChronoUnit.MICROS);
        Event lo = saved("lo", null, first, null, LocalTime.MIN, shortest);
        Event hi = saved("hi", null, last, OffsetDateTime.parse("9999-12-31T23:59:59.999999Z"), LocalTime.MAX, longest);
        Event backLo = Event.objects.get("pk", lo.id);
        Event backHi = Event.objects.get("pk", hi.id);
        assertThat(List.of(backLo.local, backLo.time, backLo.length)).isEqualTo(List.of(first, LocalTime.MIN, shortest));
        assertThat(List.of(backHi.local, backHi.time, backHi.length, backHi.offset)).isEqualTo(List.of(
                last.truncatedTo(ChronoUnit.MICROS), LocalTime.MAX.truncatedTo(ChronoUnit.MICROS), longest,
                OffsetDateTime.parse("9999-12-31T23:59:59.999999Z")));
        assertThat(names(Event.objects.filter("length__gt", Duration.ZERO).list())).containsExactly("hi");
        queries.assertNumQueries(0, () -> {
            Event e = Event.named("out");
            e.local = LocalDateTime.of(10_000, 1, 1, 0, 0);
            assertThatThrownBy(e::save).isInstanceOf(InvalidValueError.class).hasMessageContaining("Event.local")
                    .hasMessageContaining("0001-01-01T00:00 to 9999-12-31T23:59:59.999999");
            e.local = null;
            // 23:30 at -01:00 on the last day is already year 10000 in UTC.
            e.offset = OffsetDateTime.parse("9999-12-31T23:30:00-01:00");
            assertThatThrownBy(e::save).isInstanceOf(InvalidValueError.class).hasMessageContaining("Event.offset");
            e.offset = null;
            e.length = longest.plusNanos(1_000);
            assertThatThrownBy(e::save).isInstanceOf(InvalidValueError.class).hasMessageContaining("Event.length")
                    .hasMessageContaining("292,000 years");
            assertThatThrownBy(() -> Event.objects.filter("local", LocalDateTime.of(0, 12, 31, 0, 0)).count())
                    .isInstanceOf(InvalidValueError.class);
        });
    }

    @Test
    void autoNowAndAutoNowAddWorkOnEveryTimeType(Queries queries) throws InterruptedException {
        Stamp s = new Stamp();
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
        queries.assertNumQueries(1, s::save);
        assertThat(s.day).isEqualTo(LocalDate.now());
        assertThat(s.created).isBetween(before, Instant.now());
        assertThat(s.localChanged).isNotNull();
        assertThat(s.offsetChanged.getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(s.zonedCreated.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(s.timeChanged).isNotNull();
        Stamp back = Stamp.objects.get("pk", s.id);
        assertThat(List.of(back.day, back.created, back.localChanged, back.offsetChanged, back.zonedCreated,
                back.timeChanged)).isEqualTo(List.of(s.day, s.created, s.localChanged, s.offsetChanged, s.zonedCreated,
                s.timeChanged));
        Thread.sleep(2);
        Stamp again = Stamp.objects.get("pk", s.id);
        again.save();
        // autoNow fields move on every save; autoNowAdd ones keep the first value.
        assertThat(again.offsetChanged).isAfter(s.offsetChanged);
        assertThat(again.localChanged).isAfter(s.localChanged);
        assertThat(again.created).isEqualTo(s.created);
        assertThat(again.zonedCreated).isEqualTo(s.zonedCreated);
    }
}
