package dev.quarry.routing;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;

/** A folder of notes. */
public class Folder extends Model {
    public static final Manager<Folder> objects = Manager.of(Folder.class);

    @CharField(maxLength = 50)
    public String name;
}
