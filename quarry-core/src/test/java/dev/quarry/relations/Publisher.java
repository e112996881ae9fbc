package dev.quarry.relations;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;

/** The target of Book.publisher, whose reverse side is hidden ({@code relatedName = "+"}). */
public class Publisher extends Model {
    public static final Manager<Publisher> objects = Manager.of(Publisher.class);

    @CharField(maxLength = 50)
    public String name;
}
