package dev.quarry.binding;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.BigIntegerField;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.SmallIntegerField;

/** A model keyed by a 32-bit integer, with one column of each integer width. */
public class Crate extends Model {
    public static final Manager<Crate> objects = Manager.of(Crate.class);

    @IntegerField(primaryKey = true)
    public int number;

    @SmallIntegerField
    public short shelf;

    @IntegerField
    public int weight;

    @BigIntegerField
    public long serial;
}
