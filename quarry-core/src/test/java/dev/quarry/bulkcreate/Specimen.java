package dev.quarry.bulkcreate;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.BigIntegerField;
import dev.quarry.annotation.BooleanField;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.DateField;
import dev.quarry.annotation.DateTimeField;
import dev.quarry.annotation.DecimalField;
import dev.quarry.annotation.FloatField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.OnDelete;
import dev.quarry.annotation.SmallIntegerField;
import dev.quarry.annotation.TextField;
import dev.quarry.annotation.UUIDField;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A row with a column of every kind PostgreSQL's bulk insert binds as an array, all but the name nullable. */
public class Specimen extends Model {
    public static final Manager<Specimen> objects = Manager.of(Specimen.class);

    /** Where a specimen was found. */
    public enum Site { CAVE, REEF }

    @CharField(maxLength = 12, unique = true)
    public String name;

    @TextField(nullable = true)
    public String note;

    @IntegerField(nullable = true)
    public Integer count;

    @SmallIntegerField(nullable = true)
    public Short grade;

    @BigIntegerField(nullable = true)
    public Long mass;

    @BooleanField(nullable = true)
    public Boolean dry;

    @FloatField(nullable = true)
    public Double ratio;

    @DecimalField(maxDigits = 8, decimalPlaces = 2, nullable = true)
    public BigDecimal price;

    @DateField(nullable = true)
    public LocalDate found;

    @DateTimeField(nullable = true)
    public Instant logged;

    @UUIDField(nullable = true)
    public UUID tag;

    @CharField(maxLength = 4, nullable = true)
    public Site site;

    @ForeignKey(onDelete = OnDelete.CASCADE, nullable = true)
    public Ref<Owner> owner;

    static Specimen named(String name) {
        Specimen s = new Specimen();
        s.name = name;
        return s;
    }
}
