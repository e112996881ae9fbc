package dev.quarry.times;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.DateField;
import dev.quarry.annotation.DateTimeField;
import dev.quarry.annotation.TimeField;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/** autoNow and autoNowAdd on every time type. */
public class Stamp extends Model {
    public static final Manager<Stamp> objects = Manager.of(Stamp.class);

    @CharField(maxLength = 20)
    public String name = "s";

    @DateField(autoNowAdd = true)
    public LocalDate day;

    @DateTimeField(autoNowAdd = true)
    public Instant created;

    @DateTimeField(autoNow = true)
    public LocalDateTime localChanged;

    @DateTimeField(autoNow = true)
    public OffsetDateTime offsetChanged;

    @DateTimeField(autoNowAdd = true)
    public ZonedDateTime zonedCreated;

    @TimeField(autoNow = true)
    public LocalTime timeChanged;
}
