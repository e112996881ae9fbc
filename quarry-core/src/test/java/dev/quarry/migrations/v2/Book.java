package dev.quarry.migrations.v2;

import dev.quarry.ManyToMany;
import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.ManyToManyField;
import dev.quarry.annotation.OnDelete;

/**
 * The autodetector's second version: {@code title} renamed {@code name} (a rename only when told), a longer
 * {@code code} that is no longer nullable, a new NOT NULL {@code pages} without a default, and the tags kept.
 */
public class Book extends Model {
    public static final Manager<Book> objects = Manager.of(Book.class);

    @CharField(maxLength = 200)
    public String name;

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "books")
    public Ref<Author> author;

    @CharField(maxLength = 20, defaultValue = "-")
    public String code;

    @IntegerField
    public int pages;

    @ManyToManyField(relatedName = "books")
    public ManyToMany<Tag> tags;
}
