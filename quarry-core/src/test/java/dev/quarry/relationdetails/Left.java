package dev.quarry.relationdetails;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.Meta;
import dev.quarry.annotation.OnDelete;

/** Ordered by its Right, which is ordered by its Left: a loop through two models. */
@Meta(ordering = "right")
public class Left extends Model {
    public static final Manager<Left> objects = Manager.of(Left.class);

    @CharField(maxLength = 50)
    public String name;

    @ForeignKey(onDelete = OnDelete.CASCADE, nullable = true, relatedName = "+")
    public Ref<Right> right;
}
