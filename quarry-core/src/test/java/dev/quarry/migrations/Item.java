package dev.quarry.migrations;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.IntegerField;

/** The model of the rows test's first migration: a name and a quantity. */
public class Item extends Model {
    public static final Manager<Item> objects = Manager.of(Item.class);

    @CharField(maxLength = 50)
    public String name;

    @IntegerField
    public int qty;
}
