package dev.quarry.inheritance;

import dev.quarry.ManyToMany;
import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ManyToManyField;

/** A multi-table parent that declares a many-to-many ({@link Cafe} extends it). */
public class Venue extends Model {
    public static final Manager<Venue> objects = Manager.of(Venue.class);

    @CharField(maxLength = 20)
    public String name;

    @ManyToManyField
    public ManyToMany<Feature> features;
}
