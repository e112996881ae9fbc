package dev.quarry.manytomany;

import dev.quarry.ManyToMany;
import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ManyToManyField;

/** Two many-to-many fields: {@code tags} (relatedName "books") and {@code readers} (default reverse names). */
public class Book extends Model {
    public static final Manager<Book> objects = Manager.of(Book.class);

    @CharField(maxLength = 100)
    public String title;

    @ManyToManyField(relatedName = "books")
    public ManyToMany<Tag> tags;

    @ManyToManyField
    public ManyToMany<Reader> readers;

    @Override
    public String toString() {
        return title;
    }
}
