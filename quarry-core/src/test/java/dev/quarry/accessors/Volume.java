package dev.quarry.accessors;

import dev.quarry.ManyToMany;
import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.ManyToManyField;
import dev.quarry.annotation.OnDelete;

/** A model whose accessor ({@link Volume__Accessor}) fills its relation holders in one call. */
public class Volume extends Model {
    public static final Manager<Volume> objects = Manager.of(Volume.class);

    @CharField(maxLength = 50)
    public String title;

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "volumes")
    public Ref<Shelf> shelf;

    @ManyToManyField(relatedName = "listed")
    public ManyToMany<Shelf> lists;
}
