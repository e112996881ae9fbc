package dev.quarry.database;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.OnDelete;

/**
 * A reader's rating of a book. Registered by some Quarrys and not others: {@code Book.reviews}
 * exists only where this model does.
 */
public class Review extends Model {
    public static final Manager<Review> objects = Manager.of(Review.class);

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "reviews")
    public Ref<Book> book;

    @CharField(maxLength = 20)
    public String reader;

    @IntegerField
    public int stars;

    @Override
    public String toString() {
        return reader + ":" + stars;
    }
}
