package dev.quarry.accessors;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;

/** The target of the volumes' relations. */
public class Shelf extends Model {
    public static final Manager<Shelf> objects = Manager.of(Shelf.class);

    @CharField(maxLength = 50)
    public String label;
}
