package dev.quarry.transactions;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;

/** A label on counters (many-to-many), for getOrCreate through a many-to-many relation. */
public class Label extends Model {
    public static final Manager<Label> objects = Manager.of(Label.class);

    @CharField(maxLength = 40, unique = true)
    public String name;
}
