package dev.quarry.wholeprefetch;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.OnDelete;

/** A critique of a novel (no related name: {@code critique_set}), or of a sketch ({@code critiques}, nullable). */
public class Critique extends Model {
    public static final Manager<Critique> objects = Manager.of(Critique.class);

    @ForeignKey(onDelete = OnDelete.CASCADE)
    public Ref<Novel> novel;

    @ForeignKey(onDelete = OnDelete.SET_NULL, nullable = true, relatedName = "critiques")
    public Ref<Sketch> sketch;

    @IntegerField
    public int rating;

    static Critique make(Novel novel, Sketch sketch, int rating) {
        return objects.create(x -> {
            x.novel.set(novel);
            x.sketch.set(sketch);
            x.rating = rating;
        });
    }

    @Override
    public String toString() {
        return String.valueOf(rating);
    }
}
