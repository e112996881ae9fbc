package dev.quarry.typed;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;

/** A label on volumes (the reverse side of {@code Volume.labels}, named {@code volumes}). */
public class Label extends Model {
    public static final Manager<Label> objects = Manager.of(Label.class);

    @CharField(maxLength = 30)
    public String name;
}
