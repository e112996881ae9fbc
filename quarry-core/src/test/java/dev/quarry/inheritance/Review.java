package dev.quarry.inheritance;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.OnDelete;

/** Points at the parent Place: children reach it through the parent (Restaurant.objects.filter("reviews__stars", 5)). */
public class Review extends Model {
    public static final Manager<Review> objects = Manager.of(Review.class);

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "reviews")
    public Ref<Place> place;

    @IntegerField
    public int stars;
}
