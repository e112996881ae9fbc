package dev.quarry.metadata;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.OnDelete;

/**
 * A review; Book's reverse side keeps the default accessor {@code review_set} but is queried as
 * {@code critique}. Its topic is a Tag, whose key is text.
 */
public class Review extends Model {
    public static final Manager<Review> objects = Manager.of(Review.class);

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedQueryName = "critique")
    public Ref<Book> book;

    @ForeignKey(onDelete = OnDelete.SET_NULL, nullable = true, relatedName = "reviews")
    public Ref<Tag> topic;

    @IntegerField
    public int stars;
}
