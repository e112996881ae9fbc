package dev.quarry.values;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.BigIntegerField;
import dev.quarry.annotation.BooleanField;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.DurationField;
import dev.quarry.annotation.FloatField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.OnDelete;
import dev.quarry.annotation.SmallIntegerField;
import java.time.Duration;

/** Nullable columns of every kind whose JDBC getter gives 0 or false for SQL NULL, and a key to a bay numbered by hand. */
public class Tally extends Model {
    public static final Manager<Tally> objects = Manager.of(Tally.class);

    @CharField(maxLength = 10)
    public String name;

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

    @DurationField(nullable = true)
    public Duration length;

    @ForeignKey(onDelete = OnDelete.CASCADE, nullable = true)
    public Ref<Bay> bay;

    static Tally named(String name) {
        Tally t = new Tally();
        t.name = name;
        return t;
    }
}
