package dev.quarry.queryset;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.Meta;

/** A writer, listed by name descending unless told otherwise; {@code books} is the reverse side of {@link Book#author}. */
@Meta(ordering = "-name")
public class Author extends Model {
    public static final Manager<Author> objects = Manager.of(Author.class);

    @CharField(maxLength = 100)
    public String name;

    @Override
    public String toString() {
        return name;
    }
}
