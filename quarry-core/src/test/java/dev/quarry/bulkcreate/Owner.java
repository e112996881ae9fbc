package dev.quarry.bulkcreate;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;

/** Who badges belong to. */
public class Owner extends Model {
    public static final Manager<Owner> objects = Manager.of(Owner.class);

    @CharField(maxLength = 20)
    public String name;
}
