package dev.quarry.model;

import static dev.quarry.model.FieldValues.MAX_DATE;
import static dev.quarry.model.FieldValues.MIN_DATE;

import dev.quarry.model.Conversions.Rejected;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The rules of the time kinds without a zone: {@code LocalDateTime} (years 1 to 9999, as dates),
 * {@code LocalTime} and {@code Duration} (whole microseconds that fit a {@code bigint}), each at
 * microsecond precision, finer digits dropped as for instants.
 */
final class Times {
    static final LocalDateTime MIN_LOCAL = MIN_DATE.atStartOfDay();
    static final LocalDateTime MAX_LOCAL = MAX_DATE.atTime(LocalTime.MAX).truncatedTo(ChronoUnit.MICROS);
    /** The longest duration a {@code bigint} of microseconds holds, either way. */
    static final Duration MAX_DURATION = Duration.of(Long.MAX_VALUE, ChronoUnit.MICROS);
    static final Duration MIN_DURATION = Duration.of(Long.MIN_VALUE, ChronoUnit.MICROS);

    private Times() {}

    static Object localDateTime(Object v, boolean strict) {
        if (v instanceof LocalDateTime t) {
            return inRange(t);
        }
        if (v instanceof String s) {
            LocalDateTime t;
            try {
                t = LocalDateTime.parse(s.trim().replace(' ', 'T'));
            } catch (DateTimeParseException e) {
                throw new Rejected("expected a date and time without offset (2024-02-29T13:45:10)");
            }
            return inRange(t);
        }
        if (v instanceof java.time.Instant || v instanceof OffsetDateTime || v instanceof ZonedDateTime) {
            // Django refuses an aware value where USE_TZ is off; so does Quarry, rather than pick a zone.
            throw new Rejected("expected a LocalDateTime; this field has no time zone, so convert the instant "
                    + "explicitly (e.g. LocalDateTime.ofInstant(i, zone))");
        }
        return Conversions.other(v, strict, "expected a LocalDateTime or a date and time as text (2024-02-29T13:45:10)");
    }

    /** The value at microsecond precision, when its date is within the range every backend stores. */
    static LocalDateTime inRange(LocalDateTime t) {
        if (t.isBefore(MIN_LOCAL) || t.isAfter(MAX_LOCAL.plusNanos(999))) {
            throw new Rejected("expected a date and time from " + MIN_LOCAL + " to " + MAX_LOCAL
                    + ", the range every backend stores");
        }
        return t.getNano() % 1000 == 0 ? t : t.truncatedTo(ChronoUnit.MICROS);
    }

    static Object time(Object v, boolean strict) {
        if (v instanceof LocalTime t) {
            return micros(t);
        }
        if (v instanceof String s) {
            try {
                return micros(LocalTime.parse(s.trim()));
            } catch (DateTimeParseException e) {
                throw new Rejected("expected a time of day (13:45:10.5)");
            }
        }
        return Conversions.other(v, strict, "expected a LocalTime or a time as text (13:45:10.5)");
    }

    /** The time at microsecond precision. */
    static LocalTime micros(LocalTime t) {
        return t.getNano() % 1000 == 0 ? t : t.truncatedTo(ChronoUnit.MICROS);
    }

    static Object duration(Object v, boolean strict) {
        if (v instanceof Duration d) {
            return inRange(d);
        }
        if (v instanceof String s) {
            try {
                return inRange(Duration.parse(s.trim()));
            } catch (DateTimeParseException e) {
                throw new Rejected("expected an ISO-8601 duration (PT1H30M)");
            }
        }
        return Conversions.other(v, strict, "expected a Duration or an ISO-8601 duration as text (PT1H30M)");
    }

    /** The duration cut to whole microseconds (toward zero), when a {@code bigint} of microseconds holds it. */
    static Duration inRange(Duration d) {
        if (d.compareTo(MAX_DURATION) > 0 || d.compareTo(MIN_DURATION) < 0) {
            throw new Rejected("expected a duration of at most " + Long.MAX_VALUE + " microseconds either way "
                    + "(about 292,000 years), what a bigint column of microseconds holds");
        }
        return Duration.of(toMicros(d), ChronoUnit.MICROS);
    }

    /** The whole microseconds of a duration within range, rounded toward zero. */
    static long toMicros(Duration d) {
        long seconds = d.getSeconds();
        int nanos = d.getNano();
        if (seconds < 0 && nanos > 0) {
            // getSeconds rounds down and getNano adds back: count toward zero instead.
            return Math.addExact(Math.multiplyExact(seconds + 1, 1_000_000L), (nanos - 1_000_000_000L) / 1000);
        }
        return Math.addExact(Math.multiplyExact(seconds, 1_000_000L), nanos / 1000);
    }
}
