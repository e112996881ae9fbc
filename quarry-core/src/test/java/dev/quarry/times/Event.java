package dev.quarry.times;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.DateTimeField;
import dev.quarry.annotation.DurationField;
import dev.quarry.annotation.TimeField;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/** One field of each time type. */
public class Event extends Model {
    public static final Manager<Event> objects = Manager.of(Event.class);

    @CharField(maxLength = 20)
    public String name = "e";

    @DateTimeField(nullable = true)
    public Instant at;

    /** Naive: stored as written. */
    @DateTimeField(nullable = true)
    public LocalDateTime local;

    @DateTimeField(nullable = true)
    public OffsetDateTime offset;

    @DateTimeField(nullable = true)
    public ZonedDateTime zoned;

    @TimeField(nullable = true)
    public LocalTime time;

    @DurationField(nullable = true)
    public Duration length;

    /** Defaults as text, in each type's ISO form. */
    @TimeField(defaultValue = "09:30")
    public LocalTime opens;

    @DurationField(defaultValue = "PT1H30M")
    public Duration slot;

    @DateTimeField(defaultValue = "2024-01-01T12:00:00+01:00")
    public OffsetDateTime since;

    static Event named(String name) {
        Event e = new Event();
        e.name = name;
        return e;
    }
}
