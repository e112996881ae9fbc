package dev.quarry.accessors;

import dev.quarry.ManyToMany;
import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.ManyToManyField;
import dev.quarry.annotation.OnDelete;

/** A model whose accessor ({@link Binder__Accessor}) was written before accessors filled relation holders, and covers only some fields. */
public class Binder extends Model {
    public static final Manager<Binder> objects = Manager.of(Binder.class);

    @CharField(maxLength = 50)
    public String title;

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "binders")
    public Ref<Shelf> shelf;

    @ManyToManyField(relatedName = "bound")
    public ManyToMany<Shelf> lists;
}
