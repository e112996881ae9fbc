package dev.quarry.relations;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.OnDelete;
import dev.quarry.annotation.TextField;

/** Only relatedQueryName: Book keeps the default accessor {@code note_set} but is queried as {@code annotation}. */
public class Note extends Model {
    public static final Manager<Note> objects = Manager.of(Note.class);

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedQueryName = "annotation")
    public Ref<Book> book;

    @TextField
    public String text;
}
