package dev.quarry.relationdetails;

import dev.quarry.RelatedManager;
import dev.quarry.annotation.BooleanField;
import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.Meta;
import dev.quarry.annotation.OnDelete;

/** Ordered by country (so by the country's default ordering) then name; Novel.writer's reverse side is {@code novels}. */
@Meta(ordering = {"country", "name"})
public class Writer extends Model {
    public static final Manager<Writer> objects = Manager.of(Writer.class);

    @CharField(maxLength = 50)
    public String name;

    @BooleanField
    public boolean active = true;

    @ForeignKey(onDelete = OnDelete.SET_NULL, nullable = true)
    public Ref<Country> country;

    /** The novels of this writer (a nullable foreign key: remove and clear set it to NULL). */
    public RelatedManager<Novel> novels() {
        return related("novels", Novel.class);
    }

    @Override
    public String toString() {
        return name;
    }
}
