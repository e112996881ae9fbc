package dev.quarry.reliability;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.OnDelete;

public class Note extends Model {
    public static final Manager<Note> objects = Manager.of(Note.class);

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "notes")
    public Ref<Item> item;

    @CharField(maxLength = 40)
    public String text;
}
