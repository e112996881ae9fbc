package dev.quarry.binding;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.OnDelete;

/** A foreign key to a 32-bit key: its column is an {@code integer} too. */
public class Bottle extends Model {
    public static final Manager<Bottle> objects = Manager.of(Bottle.class);

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "bottles")
    public Ref<Crate> crate;

    @CharField(maxLength = 20)
    public String label;
}
