package dev.quarry.through;

import dev.quarry.ManyToMany;
import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ManyToManyField;

/**
 * A book published through {@link Contract}s: Django's
 * {@code ManyToManyField(Publisher, through='Contract', through_fields=('book', 'publisher'), related_name='books')}.
 */
public class Book extends Model {
    public static final Manager<Book> objects = Manager.of(Book.class);

    @CharField(maxLength = 100)
    public String title;

    @ManyToManyField(through = Contract.class, throughFields = {"book", "publisher"}, relatedName = "books")
    public ManyToMany<Publisher> publishers;

    @Override
    public String toString() {
        return title;
    }
}
