package dev.quarry.compiledqueries;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.OnDelete;

/** A part of a maker (or of none), with a weight that queries filter, order and count by. */
public class Part extends Model {
    public static final Manager<Part> objects = Manager.of(Part.class);

    @CharField(maxLength = 30)
    public String name;

    @IntegerField
    public int weight;

    @ForeignKey(onDelete = OnDelete.SET_NULL, nullable = true, relatedName = "parts")
    public Ref<Maker> maker;
}
