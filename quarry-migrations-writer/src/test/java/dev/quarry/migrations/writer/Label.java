package dev.quarry.migrations.writer;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;

/** The round trip's tag: a unique name. */
public class Label extends Model {
    public static final Manager<Label> objects = Manager.of(Label.class);

    @CharField(maxLength = 30, unique = true)
    public String name;
}
