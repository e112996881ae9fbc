package dev.quarry.query.typed;

import dev.quarry.Model;

/**
 * A typed path to a multi-valued relation: the reverse side of a foreign key ({@code Author_.books},
 * {@code Book_.review}) or either side of a many-to-many ({@code Book_.tags}, {@code Tag_.books}).
 * Conditions on it follow the string form's rules: inside one {@code filter} call they refer to the
 * same related row. Generated metamodels subclass it with the target's fields
 * ({@code Author_.books.publishedDate}); {@code prefetchRelated} takes it.
 *
 * @param <M> the model at the far end
 */
public non-sealed class ManyPath<M extends Model> extends RelatedPath<M> {
    /**
     * A multi-valued relation with this lookup string, accessor path and target model; generated
     * metamodels call it, code reads their constants.
     */
    public ManyPath(String path, String accessorPath, Class<M> target) {
        super(path, accessorPath, target);
    }
}
