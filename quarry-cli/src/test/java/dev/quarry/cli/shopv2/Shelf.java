package dev.quarry.cli.shopv2;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.IntegerField;

/** The shop's shelf one change later: {@code label} renamed to {@code name}, and a NOT NULL {@code depth} without a default. */
public class Shelf extends Model {
    public static final Manager<Shelf> objects = Manager.of(Shelf.class);

    @CharField(maxLength = 30)
    public String name;

    @IntegerField(defaultValue = "3")
    public int size = 3;

    @IntegerField
    public int depth;
}
