package dev.quarry.migrations.v1;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;

/** The autodetector's first version: an author with a name. */
public class Author extends Model {
    public static final Manager<Author> objects = Manager.of(Author.class);

    @CharField(maxLength = 100)
    public String name;
}
