package dev.quarry.inheritance;

import dev.quarry.Manager;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.Meta;

/** A multi-table child of Venue: it reaches Venue's features through its parent. */
@Meta(multiTable = true)
public class Cafe extends Venue {
    @SuppressWarnings("hiding")
    public static final Manager<Cafe> objects = Manager.of(Cafe.class);

    @IntegerField
    public int tables;
}
