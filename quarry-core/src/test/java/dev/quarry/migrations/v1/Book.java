package dev.quarry.migrations.v1;

import dev.quarry.ManyToMany;
import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.ManyToManyField;
import dev.quarry.annotation.OnDelete;

/** The autodetector's first version: a book by an author, with tags. */
public class Book extends Model {
    public static final Manager<Book> objects = Manager.of(Book.class);

    @CharField(maxLength = 200)
    public String title;

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "books")
    public Ref<Author> author;

    @CharField(maxLength = 10, nullable = true)
    public String code;

    @ManyToManyField(relatedName = "books")
    public ManyToMany<Tag> tags;
}
