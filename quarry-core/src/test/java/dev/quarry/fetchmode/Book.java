package dev.quarry.fetchmode;

import dev.quarry.ManyToMany;
import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.ManyToManyField;
import dev.quarry.annotation.OnDelete;

/**
 * A book: a nullable foreign key to its author (so that the reverse side can also {@code remove}
 * and {@code clear}) and tags; Tag's reverse side is {@code books}.
 */
public class Book extends Model {
    public static final Manager<Book> objects = Manager.of(Book.class);

    @CharField(maxLength = 50)
    public String title;

    @ForeignKey(onDelete = OnDelete.SET_NULL, nullable = true, relatedName = "books")
    public Ref<Author> author;

    @ManyToManyField(relatedName = "books")
    public ManyToMany<Tag> tags;

    @Override
    public String toString() {
        return title;
    }
}
