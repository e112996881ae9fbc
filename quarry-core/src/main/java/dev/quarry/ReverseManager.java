package dev.quarry;

import dev.quarry.model.ReverseRelation;

/**
 * The manager of a reverse relation ({@code author.related("books")}, Tag's {@code books}): created when
 * asked for, so it carries its relation; a {@link ManyToMany}, created with every instance, finds its own.
 *
 * @param <T> the related model
 */
final class ReverseManager<T extends Model> extends RelatedManager<T> {
    private final ReverseRelation reverse;

    ReverseManager(Model owner, ReverseRelation reverse) {
        super(owner);
        this.reverse = reverse;
    }

    @Override
    Object relation() {
        return reverse;
    }
}
