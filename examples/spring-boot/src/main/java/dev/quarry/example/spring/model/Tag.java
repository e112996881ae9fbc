package dev.quarry.example.spring.model;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.RelatedManager;
import dev.quarry.annotation.CharField;

/** A label on books; {@code related("books")} is the reverse side of {@code Book.tags}. */
public class Tag extends Model {
    public static final Manager<Tag> objects = Manager.of(Tag.class);

    @CharField(maxLength = 50)
    public String name;

    public RelatedManager<Book> books() {
        return related("books", Book.class);
    }

    @Override
    public String toString() {
        return name;
    }
}
