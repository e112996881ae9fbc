package dev.quarry.exclude;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.OnDelete;

/** A reader's rating of a book; no related name, so the query name from Book is {@code review}. */
public class Review extends Model {
    public static final Manager<Review> objects = Manager.of(Review.class);

    @ForeignKey(onDelete = OnDelete.CASCADE)
    public Ref<Book> book;

    @CharField(maxLength = 20)
    public String reader;

    @IntegerField
    public int rating;

    @Override
    public String toString() {
        return reader + ":" + rating;
    }
}
