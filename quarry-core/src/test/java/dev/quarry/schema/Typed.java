package dev.quarry.schema;

import dev.quarry.Model;
import dev.quarry.annotation.BinaryField;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.DateTimeField;
import dev.quarry.annotation.DurationField;
import dev.quarry.annotation.EmailField;
import dev.quarry.annotation.GenericIPAddressField;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.SlugField;
import dev.quarry.annotation.TimeField;
import dev.quarry.annotation.URLField;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/** One field of each Java type issue 10 added, for the column types each backend gives them. */
public class Typed extends Model {
    @CharField(maxLength = 12, defaultValue = "MICROS")
    public ChronoUnit byName;

    @IntegerField(defaultValue = "2")
    public ChronoUnit byOrdinal;

    @DateTimeField
    public Instant instant;

    @DateTimeField
    public OffsetDateTime offset;

    @DateTimeField
    public ZonedDateTime zoned;

    @DateTimeField
    public LocalDateTime local;

    @TimeField
    public LocalTime time;

    @DurationField
    public Duration duration;

    @BinaryField
    public byte[] bytes;

    @EmailField
    public String email;

    @URLField
    public String url;

    @SlugField
    public String slug;

    @GenericIPAddressField
    public String ip;
}
