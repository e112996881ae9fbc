package dev.quarry.through;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;

/** A publisher: reaches its books through Book.publishers ({@code books}) and its contracts ({@code contract}). */
public class Publisher extends Model {
    public static final Manager<Publisher> objects = Manager.of(Publisher.class);

    @CharField(maxLength = 50)
    public String name;

    @Override
    public String toString() {
        return name;
    }
}
