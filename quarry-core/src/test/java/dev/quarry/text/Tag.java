package dev.quarry.text;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.TextField;

/** A unique short name and a long note. */
public class Tag extends Model {
    public static final Manager<Tag> objects = Manager.of(Tag.class);

    @CharField(maxLength = 20, unique = true)
    public String name;

    @TextField(blank = true)
    public String note = "";

    static Tag of(String name, String note) {
        Tag t = new Tag();
        t.name = name;
        t.note = note;
        t.save();
        return t;
    }
}
