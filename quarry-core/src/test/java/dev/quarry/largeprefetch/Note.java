package dev.quarry.largeprefetch;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.OnDelete;

/** The last level: a note on a volume. */
public class Note extends Model {
    public static final Manager<Note> objects = Manager.of(Note.class);

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "notes")
    public Ref<Volume> volume;

    @IntegerField
    public int score;
}
