package dev.quarry.spring.library;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;

/** A writer, found by the starter's package scan. */
public class Writer extends Model {
    public static final Manager<Writer> objects = Manager.of(Writer.class);

    @CharField(maxLength = 100)
    public String name;

    /** A saved writer named {@code name}. */
    public static Writer named(String name) {
        return objects.create(w -> w.name = name);
    }
}
