package dev.quarry.metadata;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.DateField;
import dev.quarry.annotation.Meta;
import java.time.LocalDate;

/**
 * A writer with its own table name and default ordering. Reverse sides: {@code books} (Book.author,
 * relatedName) and none from Book.translator (relatedName {@code "+"}, hidden).
 */
@Meta(dbTable = "writers", ordering = {"name"})
public class Author extends Model {
    public static final Manager<Author> objects = Manager.of(Author.class);

    @CharField(maxLength = 80)
    public String name;

    @CharField(maxLength = 120, nullable = true, unique = true)
    public String email;

    @DateField(nullable = true)
    public LocalDate bornOn;
}
