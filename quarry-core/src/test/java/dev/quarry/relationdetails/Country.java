package dev.quarry.relationdetails;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.Meta;
import dev.quarry.annotation.OnDelete;

/** Ordered by name, descending: ordering by a relation to Country orders by its name, Z first. */
@Meta(ordering = "-name")
public class Country extends Model {
    public static final Manager<Country> objects = Manager.of(Country.class);

    @CharField(maxLength = 50)
    public String name;

    @Override
    public String toString() {
        return name;
    }
}
