package dev.quarry.migrations;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.Check;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.Meta;
import dev.quarry.annotation.UniqueTogether;

/** The constraints tests' model: a CHECK on the price and (name, maker) unique together. */
@Meta(checks = @Check(name = "gadget_price_nonneg", condition = "price >= 0"),
        uniqueTogether = @UniqueTogether({"name", "maker"}))
public class Gadget extends Model {
    public static final Manager<Gadget> objects = Manager.of(Gadget.class);

    @CharField(maxLength = 30)
    public String name;

    @CharField(maxLength = 30)
    public String maker;

    @IntegerField(defaultValue = "0")
    public int price;
}
