package dev.quarry.wholeprefetch;

import dev.quarry.ManyToMany;
import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.ManyToManyField;
import dev.quarry.annotation.OnDelete;

/** A novel of a writer (a non-null key: {@code novels}), filed under genres, critiqued ({@code critique_set}). */
public class Novel extends Model {
    public static final Manager<Novel> objects = Manager.of(Novel.class);

    @CharField(maxLength = 50)
    public String title;

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "novels")
    public Ref<Writer> writer;

    @ManyToManyField(relatedName = "novels")
    public ManyToMany<Genre> genres;

    static Novel make(String title, Writer writer, Genre... genres) {
        Novel n = objects.create(x -> {
            x.title = title;
            x.writer.set(writer);
        });
        for (Genre g : genres) {
            n.genres.add(g);
        }
        return n;
    }

    @Override
    public String toString() {
        return title;
    }
}
