package dev.quarry.graph;

import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.OnDelete;

/** A ship with an optional home port, whose reverse side has a related name and a related query name of its own. */
public class Ship extends Model {
    @CharField(maxLength = 40)
    public String name;

    @ForeignKey(onDelete = OnDelete.SET_NULL, nullable = true, relatedName = "ships", relatedQueryName = "ship")
    public Ref<Port> home;
}
