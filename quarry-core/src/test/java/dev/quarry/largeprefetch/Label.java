package dev.quarry.largeprefetch;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;

/** A label many volumes share. */
public class Label extends Model {
    public static final Manager<Label> objects = Manager.of(Label.class);

    @CharField(maxLength = 20)
    public String name;
}
