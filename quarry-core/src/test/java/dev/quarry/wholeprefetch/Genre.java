package dev.quarry.wholeprefetch;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;

/** A genre novels are filed under ({@code novels} on Genre, {@code genres} on Novel). */
public class Genre extends Model {
    public static final Manager<Genre> objects = Manager.of(Genre.class);

    @CharField(maxLength = 50)
    public String name;

    static Genre make(String name) {
        return objects.create(g -> g.name = name);
    }

    @Override
    public String toString() {
        return name;
    }
}
