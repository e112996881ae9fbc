package dev.quarry.records;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.IntegerField;

/** A writer with a birth year; {@code books} is the reverse side of {@link Book#author}. */
public class Author extends Model {
    public static final Manager<Author> objects = Manager.of(Author.class);

    @CharField(maxLength = 50)
    public String name;

    @IntegerField
    public int birthYear;

    @IntegerField(nullable = true)
    public Integer deathYear;
}
