package dev.quarry.migrations.v2;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.TextField;

/** The autodetector's second version: the author gains a biography with a default. */
public class Author extends Model {
    public static final Manager<Author> objects = Manager.of(Author.class);

    @CharField(maxLength = 100)
    public String name;

    @TextField(blank = true, defaultValue = "")
    public String bio;
}
