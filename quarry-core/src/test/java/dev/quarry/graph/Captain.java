package dev.quarry.graph;

import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.OneToOneField;
import dev.quarry.annotation.OnDelete;

/** One captain per ship: Ship gets the reverse one-to-one {@code captain}. */
public class Captain extends Model {
    @CharField(maxLength = 40)
    public String name;

    @OneToOneField(onDelete = OnDelete.CASCADE)
    public Ref<Ship> ship;
}
