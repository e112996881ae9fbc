package dev.quarry.inheritance;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;

/** What a Venue offers: the target of a many-to-many that a multi-table parent declares. */
public class Feature extends Model {
    public static final Manager<Feature> objects = Manager.of(Feature.class);

    @CharField(maxLength = 20)
    public String label;
}
