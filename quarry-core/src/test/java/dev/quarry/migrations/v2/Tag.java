package dev.quarry.migrations.v2;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;

/** The autodetector's second version: a tag, as before. */
public class Tag extends Model {
    public static final Manager<Tag> objects = Manager.of(Tag.class);

    @CharField(maxLength = 50, unique = true)
    public String name;
}
