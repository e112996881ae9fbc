package dev.quarry.lookups;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.DateField;
import dev.quarry.annotation.DateTimeField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.OnDelete;
import java.time.Instant;
import java.time.LocalDate;

/** An item in a box, with a text code, a date and an instant to look up by. */
public class Item extends Model {
    public static final Manager<Item> objects = Manager.of(Item.class);

    @CharField(maxLength = 20)
    public String code;

    @DateField
    public LocalDate made;

    @DateTimeField
    public Instant seen;

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "items")
    public Ref<Box> box;
}
