package dev.quarry.cli.shopv3;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.OnDelete;

/** The shop's Bin renamed to Box: the same fields, so makemigrations asks whether it is a rename. */
public class Box extends Model {
    public static final Manager<Box> objects = Manager.of(Box.class);

    @CharField(maxLength = 20)
    public String code;

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "boxes")
    public Ref<Shelf> shelf;
}
