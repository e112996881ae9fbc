package dev.quarry.largeprefetch;

import dev.quarry.Manager;
import dev.quarry.ManyToMany;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.ManyToManyField;
import dev.quarry.annotation.OnDelete;

/** The middle level: on a shelf, with notes ({@code notes}) and labels (many-to-many). */
public class Volume extends Model {
    public static final Manager<Volume> objects = Manager.of(Volume.class);

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "volumes")
    public Ref<Shelf> shelf;

    @CharField(maxLength = 20)
    public String title;

    @ManyToManyField(relatedName = "volumes")
    public ManyToMany<Label> labels;
}
