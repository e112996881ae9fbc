package dev.quarry.relationdetails;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.Meta;
import dev.quarry.annotation.OnDelete;

/** Ordered by its Left (reverse side hidden), which is ordered by its Right. */
@Meta(ordering = "left")
public class Right extends Model {
    public static final Manager<Right> objects = Manager.of(Right.class);

    @CharField(maxLength = 50)
    public String name;

    @ForeignKey(onDelete = OnDelete.CASCADE, nullable = true, relatedName = "+")
    public Ref<Left> left;
}
