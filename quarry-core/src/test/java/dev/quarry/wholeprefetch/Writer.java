package dev.quarry.wholeprefetch;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;

/** A writer: {@code novels} (non-null key) and {@code sketches} (nullable key) point at it. */
public class Writer extends Model {
    public static final Manager<Writer> objects = Manager.of(Writer.class);

    @CharField(maxLength = 50)
    public String name;

    static Writer make(String name) {
        return objects.create(w -> w.name = name);
    }

    @Override
    public String toString() {
        return name;
    }
}
