package dev.quarry.inheritance;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.OnDelete;

/** A concrete model that two multi-table children extend and a proxy stands for. */
public class Place extends Model {
    public static final Manager<Place> objects = Manager.of(Place.class);

    @CharField(maxLength = 50)
    public String name;

    @CharField(maxLength = 80)
    public String address;

    @ForeignKey(onDelete = OnDelete.SET_NULL, nullable = true)
    public Ref<City> city;
}
