package dev.quarry.deletion;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;

/** A discussion whose comments go with it. */
public class Topic extends Model {
    public static final Manager<Topic> objects = Manager.of(Topic.class);

    @CharField(maxLength = 40)
    public String title;
}
