package dev.quarry.example.spring.model;

import dev.quarry.ManyToMany;
import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.RelatedManager;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.DateField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.ManyToManyField;
import dev.quarry.annotation.OnDelete;
import java.time.LocalDate;

/** A book by one author, with tags; its reviews are reached as {@code review_set} (Review sets no related name). */
public class Book extends Model {
    public static final Manager<Book> objects = Manager.of(Book.class);

    @CharField(maxLength = 200)
    public String title;

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "books")
    public Ref<Author> author;

    @DateField
    public LocalDate publishedDate;

    @CharField(maxLength = 13)
    public String isbn;

    @ManyToManyField(relatedName = "books")
    public ManyToMany<Tag> tags;

    /** Typed handle of the reverse relation from {@code Review.book}. */
    public RelatedManager<Review> reviews() {
        return related("review_set", Review.class);
    }

    @Override
    public String toString() {
        return title;
    }
}
