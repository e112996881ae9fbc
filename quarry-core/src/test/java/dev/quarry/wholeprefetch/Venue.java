package dev.quarry.wholeprefetch;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;

/** A venue, the parent of the multi-table child {@link Cafe}; {@code visits} point at it. */
public class Venue extends Model {
    public static final Manager<Venue> objects = Manager.of(Venue.class);

    @CharField(maxLength = 50)
    public String name;

    @Override
    public String toString() {
        return name;
    }
}
