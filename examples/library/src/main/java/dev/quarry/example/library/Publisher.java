package dev.quarry.example.library;

import dev.quarry.ManyToMany;
import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ManyToManyField;

/**
 * Publishes books under a {@link Contract} (a many-to-many relation through a model with a royalty):
 * {@code publisher.books}, and from a book {@code related("publishers", Publisher.class)}.
 */
public class Publisher extends Model {
    public static final Manager<Publisher> objects = Manager.of(Publisher.class);

    @CharField(maxLength = 100)
    public String name;

    @ManyToManyField(through = Contract.class, relatedName = "publishers")
    public ManyToMany<Book> books;

    @Override
    public String toString() {
        return name;
    }
}
