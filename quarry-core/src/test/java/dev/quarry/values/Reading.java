package dev.quarry.values;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.FloatField;

/** Floats in a double and in a float Java field. */
public class Reading extends Model {
    public static final Manager<Reading> objects = Manager.of(Reading.class);

    @CharField(maxLength = 20)
    public String name = "r";

    @FloatField(nullable = true)
    public Double value;

    @FloatField(nullable = true)
    public Float single;

    static Reading of(String name, Double value) {
        Reading r = new Reading();
        r.name = name;
        r.value = value;
        return r;
    }
}
