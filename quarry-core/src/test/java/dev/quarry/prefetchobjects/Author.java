package dev.quarry.prefetchobjects;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;

/** An author; {@code books} is the reverse side of {@link Book#author}. */
public class Author extends Model {
    public static final Manager<Author> objects = Manager.of(Author.class);

    @CharField(maxLength = 50)
    public String name;

    static Author make(String name) {
        return objects.create(a -> a.name = name);
    }
}
