package dev.quarry.wholeprefetch;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.OnDelete;

/** A visit to a venue (the parent): a cafe reaches its visits through the parent's key. */
public class Visit extends Model {
    public static final Manager<Visit> objects = Manager.of(Visit.class);

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "visits")
    public Ref<Venue> venue;

    @IntegerField
    public int day;

    @Override
    public String toString() {
        return String.valueOf(day);
    }
}
