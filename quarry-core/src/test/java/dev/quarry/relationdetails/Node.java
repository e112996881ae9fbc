package dev.quarry.relationdetails;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.Meta;
import dev.quarry.annotation.OnDelete;

/** A default ordering by its own parent: following it loops (Django: "Infinite loop caused by ordering."). */
@Meta(ordering = {"parent", "name"})
public class Node extends Model {
    public static final Manager<Node> objects = Manager.of(Node.class);

    @CharField(maxLength = 50)
    public String name;

    @ForeignKey(onDelete = OnDelete.CASCADE, nullable = true)
    public Ref<Node> parent;
}
