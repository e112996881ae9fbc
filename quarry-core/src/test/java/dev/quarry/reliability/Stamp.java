package dev.quarry.reliability;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.OnDelete;

/** The third level of the CASCADE tree Item → Note → Stamp that the fault tests delete. */
public class Stamp extends Model {
    public static final Manager<Stamp> objects = Manager.of(Stamp.class);

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "stamps")
    public Ref<Note> note;

    @CharField(maxLength = 40)
    public String mark;
}
