package dev.quarry.relations;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.RelatedManager;
import dev.quarry.annotation.CharField;

/** The target of Book.author ({@code books}) and Book.editor ({@code edited_books} / {@code edited}). */
public class Author extends Model {
    public static final Manager<Author> objects = Manager.of(Author.class);

    @CharField(maxLength = 50)
    public String name;

    /** Typed handle of the reverse side of {@code Book.author}. */
    public RelatedManager<Book> books() {
        return related("books", Book.class);
    }

    /** Typed handle of the reverse side of {@code Book.editor}. */
    public RelatedManager<Book> editedBooks() {
        return related("edited_books", Book.class);
    }

    @Override
    public String toString() {
        return name;
    }
}
