package dev.quarry.largeprefetch;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;

/** The root of the three levels: a shelf holds volumes ({@code volumes}). */
public class Shelf extends Model {
    public static final Manager<Shelf> objects = Manager.of(Shelf.class);

    @CharField(maxLength = 20)
    public String name;
}
