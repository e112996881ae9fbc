package dev.quarry.model;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * An {@code OffsetDateTime} or {@code ZonedDateTime} field in a DateTimeField: stored as the instant it
 * names, in UTC, and read back at offset UTC (Django's {@code USE_TZ = True}: aware values in, UTC out).
 * Two values that name the same instant in different zones are the same row value.
 */
final class UtcConverter implements ValueConverter {
    private final Class<?> type;

    UtcConverter(Class<?> type) {
        this.type = type;
    }

    /** The converter for Java type {@code j}, or {@code null} when {@code j} is not a zoned date-time type. */
    static UtcConverter of(Class<?> j) {
        return j == OffsetDateTime.class || j == ZonedDateTime.class ? new UtcConverter(j) : null;
    }

    @Override
    public Class<?> javaType() {
        return type;
    }

    @Override
    public Object toStored(Object value) {
        if (value instanceof OffsetDateTime o) {
            return Conversions.inRange(o.toInstant());
        }
        if (value instanceof ZonedDateTime z) {
            return Conversions.inRange(z.toInstant());
        }
        throw new Conversions.Rejected("expected a " + type.getSimpleName());
    }

    @Override
    public Object fromStored(Object stored) {
        Instant i = (Instant) stored;
        return type == OffsetDateTime.class ? i.atOffset(ZoneOffset.UTC) : i.atZone(ZoneOffset.UTC);
    }
}
