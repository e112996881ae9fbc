package dev.quarry.routing;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.OnDelete;

/** A note in a folder. */
public class Note extends Model {
    public static final Manager<Note> objects = Manager.of(Note.class);

    @CharField(maxLength = 50)
    public String text;

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "notes")
    public Ref<Folder> folder;
}
