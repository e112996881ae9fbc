package dev.quarry.inheritance;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;

/** A concrete model that two multi-table children extend and a proxy stands for. */
public class Place extends Model {
    public static final Manager<Place> objects = Manager.of(Place.class);

    @CharField(maxLength = 50)
    public String name;

    @CharField(maxLength = 80)
    public String address;
}
