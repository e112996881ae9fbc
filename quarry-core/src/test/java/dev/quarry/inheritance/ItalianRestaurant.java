package dev.quarry.inheritance;

import dev.quarry.Manager;
import dev.quarry.annotation.BooleanField;
import dev.quarry.annotation.Meta;

/** A child of a child: its key restaurant_ptr_id refers to Restaurant, whose key refers to Place. */
@Meta(multiTable = true)
public class ItalianRestaurant extends Restaurant {
    @SuppressWarnings("hiding")
    public static final Manager<ItalianRestaurant> objects = Manager.of(ItalianRestaurant.class);

    @BooleanField
    public boolean woodOven;
}
