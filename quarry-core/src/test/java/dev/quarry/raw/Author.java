package dev.quarry.raw;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.Meta;

/** A writer, in table {@code raw_author} so that hand-written SQL can name it. */
@Meta(dbTable = "raw_author")
public class Author extends Model {
    public static final Manager<Author> objects = Manager.of(Author.class);

    @CharField(maxLength = 50)
    public String name;
}
