package dev.quarry.prefetchobjects;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.OnDelete;

/** A review of a book, with no related name: Book gets {@code review_set}. */
public class Review extends Model {
    public static final Manager<Review> objects = Manager.of(Review.class);

    @ForeignKey(onDelete = OnDelete.CASCADE)
    public Ref<Book> book;

    @IntegerField
    public int rating;

    static Review make(Book book, int rating) {
        return objects.create(r -> {
            r.book.set(book);
            r.rating = rating;
        });
    }
}
