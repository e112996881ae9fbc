package dev.quarry.replication;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;

/** A row written on the primary and read back from the replica. */
public class Entry extends Model {
    public static final Manager<Entry> objects = Manager.of(Entry.class);

    @CharField(maxLength = 50)
    public String text;
}
