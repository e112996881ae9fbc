package dev.quarry.relationdetails;

import dev.quarry.annotation.IntegerField;
import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.Meta;
import dev.quarry.annotation.OnDelete;

/** A foreign key that is not nullable, to a model without default ordering. */
public class Chapter extends Model {
    public static final Manager<Chapter> objects = Manager.of(Chapter.class);

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "chapters")
    public Ref<Novel> novel;

    @IntegerField
    public int number;
}
