package dev.quarry.migrations.v1;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;

/** The autodetector's first version: a tag. */
public class Tag extends Model {
    public static final Manager<Tag> objects = Manager.of(Tag.class);

    @CharField(maxLength = 50, unique = true)
    public String name;
}
