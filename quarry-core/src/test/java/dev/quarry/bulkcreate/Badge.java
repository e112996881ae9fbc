package dev.quarry.bulkcreate;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.OnDelete;

/** A badge with a unique name, maybe given to an owner. */
public class Badge extends Model {
    public static final Manager<Badge> objects = Manager.of(Badge.class);

    @CharField(maxLength = 20, unique = true)
    public String name;

    @ForeignKey(onDelete = OnDelete.CASCADE, nullable = true)
    public Ref<Owner> owner;

    static Badge of(String name) {
        Badge b = new Badge();
        b.name = name;
        return b;
    }
}
