package dev.quarry.manytomany;

import dev.quarry.ManyToMany;
import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ManyToManyField;

/** A many-to-many with its own through table name ({@code dbTable = "shelf_contents"}). */
public class Shelf extends Model {
    public static final Manager<Shelf> objects = Manager.of(Shelf.class);

    @CharField(maxLength = 50)
    public String name;

    @ManyToManyField(dbTable = "shelf_contents")
    public ManyToMany<Book> books;
}
