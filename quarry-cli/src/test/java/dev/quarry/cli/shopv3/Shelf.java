package dev.quarry.cli.shopv3;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.IntegerField;

/** The shop of the model-rename tests: the shelf, unchanged. */
public class Shelf extends Model {
    public static final Manager<Shelf> objects = Manager.of(Shelf.class);

    @CharField(maxLength = 30)
    public String label;

    @IntegerField(defaultValue = "3")
    public int size = 3;
}
