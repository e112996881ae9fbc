package dev.quarry.persist;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The current value of each time type for {@code autoNow}/{@code autoNowAdd}, at the microsecond
 * precision the column keeps: aware types in UTC (as they are read back), local types in the JVM's
 * default zone (Django's {@code USE_TZ = False} uses local time too).
 */
final class Now {
    private Now() {}

    /** Now, as a value of {@code type}. */
    static Object of(Class<?> type) {
        if (type == LocalDate.class) {
            return LocalDate.now();
        }
        if (type == LocalDateTime.class) {
            return LocalDateTime.now().truncatedTo(ChronoUnit.MICROS);
        }
        if (type == LocalTime.class) {
            return LocalTime.now().truncatedTo(ChronoUnit.MICROS);
        }
        if (type == OffsetDateTime.class) {
            return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        }
        if (type == ZonedDateTime.class) {
            return ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        }
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
