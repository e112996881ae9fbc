package dev.quarry.compiledqueries;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.IntegerField;

/** A model looked up by key, by a unique name and by a size many gadgets share. */
public class Gadget extends Model {
    public static final Manager<Gadget> objects = Manager.of(Gadget.class);

    @CharField(maxLength = 30, unique = true)
    public String name;

    @IntegerField
    public int size;
}
