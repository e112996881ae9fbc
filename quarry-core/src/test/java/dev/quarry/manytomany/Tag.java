package dev.quarry.manytomany;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.RelatedManager;
import dev.quarry.annotation.CharField;

/** The target of Book.tags; reaches its books through the reverse side {@code books}. */
public class Tag extends Model {
    public static final Manager<Tag> objects = Manager.of(Tag.class);

    @CharField(maxLength = 50)
    public String name;

    /** Typed handle of the reverse side of {@code Book.tags}. */
    public RelatedManager<Book> books() {
        return related("books", Book.class);
    }

    @Override
    public String toString() {
        return name;
    }
}
