package dev.quarry.typed;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;

/** A shelf of volumes (the reverse side of {@code Volume.shelf}, named {@code volumes}). */
public class Shelf extends Model {
    public static final Manager<Shelf> objects = Manager.of(Shelf.class);

    @CharField(maxLength = 50)
    public String name;
}
