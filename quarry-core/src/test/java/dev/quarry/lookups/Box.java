package dev.quarry.lookups;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;

/** A box of items. */
public class Box extends Model {
    public static final Manager<Box> objects = Manager.of(Box.class);

    @CharField(maxLength = 20)
    public String name;
}
