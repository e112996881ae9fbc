package dev.quarry.migrations.v2;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.OnDelete;
import dev.quarry.annotation.PositiveSmallIntegerField;

/** The autodetector's second version: a new model referring to a kept one. */
public class Review extends Model {
    public static final Manager<Review> objects = Manager.of(Review.class);

    @ForeignKey(onDelete = OnDelete.CASCADE)
    public Ref<Book> book;

    @PositiveSmallIntegerField
    public int rating;
}
