package dev.quarry;

import dev.quarry.model.ManyToManyMeta;

/**
 * The value of a many-to-many field ({@code book.tags}): the related objects, with
 * {@code add/remove/set/clear}; the target reaches the same rows with {@code related("books")}.
 *
 * @param <T> the related model
 */
public final class ManyToMany<T extends Model> extends RelatedManager<T> {
    ManyToMany(Model owner, ManyToManyMeta field) {
        super(owner, field);
    }
}
