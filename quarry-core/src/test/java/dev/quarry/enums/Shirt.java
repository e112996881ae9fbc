package dev.quarry.enums;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.SmallIntegerField;

/** One enum field per way of storing one. */
public class Shirt extends Model {
    public static final Manager<Shirt> objects = Manager.of(Shirt.class);

    @CharField(maxLength = 20)
    public String name = "shirt";

    /** By name, with a Java initializer as its default. */
    @CharField(maxLength = 5)
    public Color color = Color.RED;

    /** By ordinal. */
    @IntegerField(defaultValue = "1")
    public Size size;

    /** By Choice value, text. */
    @CharField(maxLength = 2, nullable = true)
    public Year year;

    /** By Choice value, a number; the default is written in its stored form. */
    @SmallIntegerField(defaultValue = "20")
    public Priority priority;

    /** By name, limited to some of the constants. */
    @CharField(maxLength = 5, nullable = true, choices = {"RED", "BLUE"})
    public Color trim;

    static Shirt of(String name, Color color, Size size, Year year, Priority priority) {
        Shirt s = new Shirt();
        s.name = name;
        s.color = color;
        s.size = size;
        s.year = year;
        s.priority = priority;
        return s;
    }
}
