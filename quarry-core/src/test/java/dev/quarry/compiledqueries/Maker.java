package dev.quarry.compiledqueries;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.BigIntegerField;

/** A maker of parts, with a rank (a long, as a count is) that filters compare with the number of its parts. */
public class Maker extends Model {
    public static final Manager<Maker> objects = Manager.of(Maker.class);

    @CharField(maxLength = 30)
    public String name;

    @BigIntegerField
    public long rank;
}
