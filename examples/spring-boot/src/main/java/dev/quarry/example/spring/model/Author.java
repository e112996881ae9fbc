package dev.quarry.example.spring.model;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.RelatedManager;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.TextField;

/** A writer; reaches its books through the reverse side of {@code Book.author} ({@code relatedName = "books"}). */
public class Author extends Model {
    public static final Manager<Author> objects = Manager.of(Author.class);

    @CharField(maxLength = 100)
    public String name;

    @TextField(blank = true)
    public String bio = "";

    /** Typed handle of the reverse relation; {@code related("books")} works without it. */
    public RelatedManager<Book> books() {
        return related("books", Book.class);
    }

    @Override
    public String toString() {
        return name;
    }
}
