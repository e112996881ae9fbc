package dev.quarry.arithmetic;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.IntegerField;

/** A writer with the lowest review rating they count as praise; {@code books} is the reverse side of {@link Book#author}. */
public class Author extends Model {
    public static final Manager<Author> objects = Manager.of(Author.class);

    @CharField(maxLength = 50)
    public String name;

    @IntegerField(nullable = true)
    public Integer birthYear;

    @IntegerField
    public int minRating;

    @Override
    public String toString() {
        return name;
    }
}
