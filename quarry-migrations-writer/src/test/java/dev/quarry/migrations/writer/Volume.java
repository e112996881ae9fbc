package dev.quarry.migrations.writer;

import dev.quarry.ManyToMany;
import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.BooleanField;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.DecimalField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.ManyToManyField;
import dev.quarry.annotation.Meta;
import dev.quarry.annotation.OnDelete;

/** The round trip's book: defaults of several kinds, a foreign key, a many-to-many field, its own table. */
@Meta(dbTable = "volumes")
public class Volume extends Model {
    public static final Manager<Volume> objects = Manager.of(Volume.class);

    @CharField(maxLength = 200, defaultValue = "Untitled")
    public String title;

    @ForeignKey(onDelete = OnDelete.CASCADE, nullable = true)
    public Ref<Writer> writer;

    @DecimalField(maxDigits = 6, decimalPlaces = 2, defaultValue = "9.99")
    public java.math.BigDecimal price;

    @IntegerField(defaultValue = "100")
    public int pages;

    @BooleanField(defaultValue = "true")
    public boolean available;

    @ManyToManyField
    public ManyToMany<Label> labels;
}
