package dev.quarry.arithmetic;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.OnDelete;

/** A rating of a book; no related name, so Book's query name for it is {@code review}. */
public class Review extends Model {
    public static final Manager<Review> objects = Manager.of(Review.class);

    @ForeignKey(onDelete = OnDelete.CASCADE)
    public Ref<Book> book;

    @IntegerField
    public int rating;

    @CharField(maxLength = 20)
    public String userName;

    @Override
    public String toString() {
        return userName;
    }
}
