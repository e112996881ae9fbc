package dev.quarry.multivalued;

import dev.quarry.ManyToMany;
import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.ManyToManyField;
import dev.quarry.annotation.OnDelete;

/** A book with a required author, an optional editor (nullable foreign key) and tags. */
public class Book extends Model {
    public static final Manager<Book> objects = Manager.of(Book.class);

    @CharField(maxLength = 100)
    public String title;

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "books")
    public Ref<Author> author;

    @ForeignKey(onDelete = OnDelete.SET_NULL, nullable = true, relatedName = "edited")
    public Ref<Author> editor;

    @IntegerField
    public int year;

    @ManyToManyField(relatedName = "books")
    public ManyToMany<Tag> tags;

    @Override
    public String toString() {
        return title;
    }
}
