package dev.quarry.wholeprefetch;

import dev.quarry.Manager;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.Meta;

/** A multi-table child of Venue: every cafe is a venue, not every venue a cafe. */
@Meta(multiTable = true)
public class Cafe extends Venue {
    @SuppressWarnings("hiding")
    public static final Manager<Cafe> objects = Manager.of(Cafe.class);

    @IntegerField
    public int seats;
}
