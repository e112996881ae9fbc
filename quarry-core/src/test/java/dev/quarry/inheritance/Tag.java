package dev.quarry.inheritance;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;

/** The target of the abstract base's foreign key: each concrete subclass gets its own reverse name. */
public class Tag extends Model {
    public static final Manager<Tag> objects = Manager.of(Tag.class);

    @CharField(maxLength = 20)
    public String label;
}
