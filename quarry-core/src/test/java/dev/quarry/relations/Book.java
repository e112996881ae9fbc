package dev.quarry.relations;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.RelatedManager;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.DateField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.OnDelete;
import java.time.LocalDate;

/**
 * Three foreign keys, three naming rules: {@code author} sets relatedName, {@code editor} sets
 * relatedName and relatedQueryName, {@code publisher} hides its reverse side.
 */
public class Book extends Model {
    public static final Manager<Book> objects = Manager.of(Book.class);

    @CharField(maxLength = 100)
    public String title;

    @DateField(nullable = true)
    public LocalDate publishedDate;

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "books")
    public Ref<Author> author;

    @ForeignKey(onDelete = OnDelete.SET_NULL, nullable = true, relatedName = "edited_books", relatedQueryName = "edited")
    public Ref<Author> editor;

    @ForeignKey(onDelete = OnDelete.SET_NULL, nullable = true, relatedName = "+")
    public Ref<Publisher> publisher;

    /** Typed handle of the reverse side of {@code Review.book} (default name). */
    public RelatedManager<Review> reviews() {
        return related("review_set", Review.class);
    }

    @Override
    public String toString() {
        return title;
    }
}
