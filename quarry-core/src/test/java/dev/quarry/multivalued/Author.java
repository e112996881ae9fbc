package dev.quarry.multivalued;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.IntegerField;

/** A writer; {@code books} and {@code edited} are the reverse sides of {@link Book}'s two foreign keys. */
public class Author extends Model {
    public static final Manager<Author> objects = Manager.of(Author.class);

    @CharField(maxLength = 100)
    public String name;

    @IntegerField(nullable = true)
    public Integer born;

    @Override
    public String toString() {
        return name;
    }
}
