package dev.quarry.multidb;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.RelatedManager;
import dev.quarry.annotation.CharField;

/** An author; its books are the reverse side of {@link Book#author}. */
public class Author extends Model {
    public static final Manager<Author> objects = Manager.of(Author.class);

    @CharField(maxLength = 100)
    public String name;

    /** The books written by this author. */
    public RelatedManager<Book> books() {
        return related("books", Book.class);
    }
}
