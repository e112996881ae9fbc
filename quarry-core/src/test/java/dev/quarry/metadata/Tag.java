package dev.quarry.metadata;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;

/** A tag keyed by its slug; its reverse side from Book.tags is {@code tagged} (accessor) / {@code tagged_book} (lookups). */
public class Tag extends Model {
    public static final Manager<Tag> objects = Manager.of(Tag.class);

    @CharField(maxLength = 30, primaryKey = true)
    public String slug;
}
