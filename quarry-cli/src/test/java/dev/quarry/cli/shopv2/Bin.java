package dev.quarry.cli.shopv2;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.OnDelete;

/** The bin, unchanged in the second version of the shop. */
public class Bin extends Model {
    public static final Manager<Bin> objects = Manager.of(Bin.class);

    @CharField(maxLength = 20)
    public String code;

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "bins")
    public Ref<Shelf> shelf;
}
