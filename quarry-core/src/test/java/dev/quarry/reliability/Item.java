package dev.quarry.reliability;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.IntegerField;

public class Item extends Model {
    public static final Manager<Item> objects = Manager.of(Item.class);

    @CharField(maxLength = 40)
    public String name;

    @IntegerField
    public int qty;
}
