package dev.quarry.prefetchobjects;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;

/** A tag; {@code books} is the reverse side of {@link Book#tags}. */
public class Tag extends Model {
    public static final Manager<Tag> objects = Manager.of(Tag.class);

    @CharField(maxLength = 50)
    public String name;

    static Tag make(String name) {
        return objects.create(t -> t.name = name);
    }
}
