package dev.quarry.values;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.BigIntegerField;
import dev.quarry.annotation.CharField;

/** A model keyed by a 64-bit number given by hand, so that a row may be numbered 0 on every database. */
public class Bay extends Model {
    public static final Manager<Bay> objects = Manager.of(Bay.class);

    @BigIntegerField(primaryKey = true)
    public Long number;

    @CharField(maxLength = 10)
    public String name;
}
