package dev.quarry.cli.shop;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.OnDelete;

/** A bin on a shelf ({@code shelf.related("bins")}). */
public class Bin extends Model {
    public static final Manager<Bin> objects = Manager.of(Bin.class);

    @CharField(maxLength = 20)
    public String code;

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "bins")
    public Ref<Shelf> shelf;
}
