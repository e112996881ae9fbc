package dev.quarry.semantics;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.OnDelete;
import dev.quarry.annotation.PositiveSmallIntegerField;
import java.util.Map;

/** A rating of a novel; no related name, so Novel gets {@code critique_set} / {@code critique}. */
public class Critique extends Model {
    public static final Manager<Critique> objects = Manager.of(Critique.class);

    @ForeignKey(onDelete = OnDelete.CASCADE)
    public Ref<Novel> novel;

    @CharField(maxLength = 50)
    public String critic;

    @PositiveSmallIntegerField
    public int stars;

    public static Critique of(Novel novel, String critic, int stars) {
        return objects.create(Map.of("novel", novel, "critic", critic, "stars", stars));
    }
}
