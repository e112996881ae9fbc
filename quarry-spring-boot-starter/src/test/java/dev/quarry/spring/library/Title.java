package dev.quarry.spring.library;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.OnDelete;

/** A title by a writer, found by the starter's package scan. */
public class Title extends Model {
    public static final Manager<Title> objects = Manager.of(Title.class);

    @CharField(maxLength = 100)
    public String name;

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "titles")
    public Ref<Writer> writer;
}
