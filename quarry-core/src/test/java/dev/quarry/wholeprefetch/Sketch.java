package dev.quarry.wholeprefetch;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.OnDelete;

/** A sketch, perhaps of no writer (a nullable key: {@code sketches}). */
public class Sketch extends Model {
    public static final Manager<Sketch> objects = Manager.of(Sketch.class);

    @CharField(maxLength = 50)
    public String title;

    @ForeignKey(onDelete = OnDelete.SET_NULL, nullable = true, relatedName = "sketches")
    public Ref<Writer> writer;

    static Sketch make(String title, Writer writer) {
        return objects.create(x -> {
            x.title = title;
            x.writer.set(writer);
        });
    }

    @Override
    public String toString() {
        return title;
    }
}
