package dev.quarry.semantics;

import dev.quarry.ManyToMany;
import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.DateField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.ManyToManyField;
import dev.quarry.annotation.OnDelete;
import java.time.LocalDate;
import java.util.Map;

/** A book with a required writer, an optional editor (nullable FK) and labels. */
public class Novel extends Model {
    public static final Manager<Novel> objects = Manager.of(Novel.class);

    @CharField(maxLength = 200)
    public String title;

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "novels")
    public Ref<Writer> writer;

    @ForeignKey(onDelete = OnDelete.SET_NULL, nullable = true, relatedName = "edited")
    public Ref<Writer> editor;

    @DateField(nullable = true)
    public LocalDate published;

    @ManyToManyField(relatedName = "novels")
    public ManyToMany<Label> labels;

    public static Novel of(String title, Writer writer, int year, Label... labels) {
        Novel n = objects.create(Map.of("title", title, "writer", writer, "published", LocalDate.of(year, 6, 1)));
        n.labels.add(labels);
        return n;
    }

    @Override
    public String toString() {
        return title;
    }
}
