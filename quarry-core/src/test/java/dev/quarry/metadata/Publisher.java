package dev.quarry.metadata;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;

/** A publisher; its reverse side from Book.publisher has Django's default names, {@code book_set} and {@code book}. */
public class Publisher extends Model {
    public static final Manager<Publisher> objects = Manager.of(Publisher.class);

    @CharField(maxLength = 100, unique = true)
    public String name;
}
