package dev.quarry.inheritance;

import dev.quarry.Manager;
import dev.quarry.annotation.BooleanField;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.Meta;

/** A multi-table child of Place: its table holds place_ptr_id (its key) and its own two columns. */
@Meta(multiTable = true)
public class Restaurant extends Place {
    @SuppressWarnings("hiding")
    public static final Manager<Restaurant> objects = Manager.of(Restaurant.class);

    @BooleanField
    public boolean servesPizza;

    @IntegerField
    public int seats;
}
