package dev.quarry.example.spring.model;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.DateTimeField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.OnDelete;
import dev.quarry.annotation.PositiveSmallIntegerField;
import dev.quarry.annotation.TextField;
import java.time.Instant;

/** A reader's rating of a book; no related name, so Book gets {@code review_set} and the query name {@code review}. */
public class Review extends Model {
    public static final Manager<Review> objects = Manager.of(Review.class);

    @ForeignKey(onDelete = OnDelete.CASCADE)
    public Ref<Book> book;

    @CharField(maxLength = 100)
    public String userName;

    @PositiveSmallIntegerField
    public int rating;

    @TextField
    public String comment;

    @DateTimeField(autoNowAdd = true)
    public Instant createdAt;

    @Override
    public String toString() {
        return "Review by " + userName;
    }
}
