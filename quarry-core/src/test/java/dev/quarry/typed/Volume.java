package dev.quarry.typed;

import dev.quarry.ManyToMany;
import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.BooleanField;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.DateField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.ManyToManyField;
import dev.quarry.annotation.OnDelete;
import java.time.LocalDate;

/** A volume on a shelf, with labels; its loans are {@code loan_set} / {@code loan} (no related name). */
public class Volume extends Model {
    public static final Manager<Volume> objects = Manager.of(Volume.class);

    @CharField(maxLength = 100)
    public String title;

    @IntegerField
    public int pages;

    @DateField(nullable = true)
    public LocalDate publishedDate;

    @BooleanField
    public boolean inPrint;

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "volumes")
    public Ref<Shelf> shelf;

    @ManyToManyField(relatedName = "volumes")
    public ManyToMany<Label> labels;
}
