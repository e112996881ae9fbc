package dev.quarry.transactions;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;

/** A shelf holding counters (reverse side {@code counters}), for selectRelated locks and related getOrCreate. */
public class Shelf extends Model {
    public static final Manager<Shelf> objects = Manager.of(Shelf.class);

    @CharField(maxLength = 40, unique = true)
    public String name;

    public static Shelf of(String name) {
        return objects.create(s -> s.name = name);
    }
}
