package dev.quarry;

import dev.quarry.model.ManyToManyMeta;
import dev.quarry.model.ModelMeta;

/**
 * The value of a many-to-many field ({@code book.tags}): the related objects, with
 * {@code add/remove/set/clear}; the target reaches the same rows with {@code related("books")}.
 *
 * @param <T> the related model
 */
public final class ManyToMany<T extends Model> extends RelatedManager<T> {
    ManyToMany(Model owner) {
        super(owner);
    }

    /** The owner's many-to-many field holding this manager, found through the owner's model (a row need not carry it). */
    @Override
    Object relation() {
        Model owner = owner();
        for (ModelMeta meta = ModelMeta.of(owner.getClass()).concrete(); meta != null; meta = meta.parent()) {
            for (ManyToManyMeta m : meta.manyToMany()) {
                if (m.get(owner) == this) {
                    return m;
                }
            }
        }
        throw new IllegalStateException("This ManyToMany no longer belongs to a field of its " + owner.getClass().getSimpleName()
                + ": a ManyToMany belongs to the instance that created it; use its add/remove/set instead of assigning it "
                + "to another instance's field");
    }
}
