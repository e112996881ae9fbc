package dev.quarry.values;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.test.QuarryTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Instants keep microseconds on every backend: the nanoseconds beyond are truncated when written and
 * when compared, as SQLite and MariaDB did, where PostgreSQL rounded them (….123456789 read back as
 * ….123457).
 */
@QuarryTest(models = {Measure.class})
class InstantPrecisionTest {
    private static final Instant NANOS = Instant.parse("2024-02-29T13:45:10.123456789Z");
    private static final Instant MICROS = Instant.parse("2024-02-29T13:45:10.123456Z");

    private static Instant reloaded(String name) {
        return Measure.objects.get("name", name).at;
    }

    @Test
    void nanosecondsAreTruncatedToMicrosecondsOnEveryWrite() {
        Measure saved = Measure.of("save");
        saved.at = NANOS;
        saved.save();
        Measure bulk = Measure.of("bulk");
        bulk.at = NANOS;
        Measure.objects.bulkCreate(List.of(bulk));
        Measure.objects.create(Map.of("name", "create", "at", NANOS));
        Measure updated = Measure.of("update");
        updated.save();
        Measure.objects.filter("name", "update").update("at", NANOS);
        assertThat(List.of(reloaded("save"), reloaded("bulk"), reloaded("create"), reloaded("update")))
                .containsOnly(MICROS);
    }

    @Test
    void aLookupWithNanosecondsMatchesTheTruncatedValue() {
        Measure m = Measure.of("seen");
        m.at = NANOS;
        m.save();
        assertThat(Measure.objects.filter("at", NANOS).count()).isEqualTo(1);
        assertThat(Measure.objects.filter("at", MICROS).count()).isEqualTo(1);
        assertThat(Measure.objects.filter("at__in", List.of(NANOS)).count()).isEqualTo(1);
        assertThat(Measure.objects.filter("at__gt", MICROS).count()).isZero();
        assertThat(Measure.objects.filter("at__lt", Instant.parse("2024-02-29T13:45:10.123456999Z")).count()).isZero();
    }
}
