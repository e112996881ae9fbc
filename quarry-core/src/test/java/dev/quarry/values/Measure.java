package dev.quarry.values;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.BigIntegerField;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.DateField;
import dev.quarry.annotation.DateTimeField;
import dev.quarry.annotation.DecimalField;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.PositiveIntegerField;
import dev.quarry.annotation.PositiveSmallIntegerField;
import dev.quarry.annotation.SmallIntegerField;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One field of every kind with a range, several in a Java type wider than their column. */
public class Measure extends Model {
    public static final Manager<Measure> objects = Manager.of(Measure.class);

    @CharField(maxLength = 20)
    public String name = "m";

    /** An int in a smallint column. */
    @SmallIntegerField(nullable = true)
    public Integer small;

    @PositiveSmallIntegerField(nullable = true)
    public Short rating;

    /** A long in a positive integer column. */
    @PositiveIntegerField(nullable = true)
    public Long count;

    /** A long in an integer column: it can hold 3,000,000,000, the column cannot. */
    @IntegerField(nullable = true)
    public Long wide;

    @IntegerField(nullable = true)
    public Integer plain;

    @BigIntegerField(nullable = true)
    public Long big;

    @DecimalField(maxDigits = 5, decimalPlaces = 2, nullable = true)
    public BigDecimal price;

    @DateField(nullable = true)
    public LocalDate day;

    @DateTimeField(nullable = true)
    public Instant at;

    static Measure of(String name) {
        Measure m = new Measure();
        m.name = name;
        return m;
    }
}
