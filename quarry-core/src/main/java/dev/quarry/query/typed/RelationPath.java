package dev.quarry.query.typed;

import dev.quarry.Model;

/**
 * A typed path to a single-valued relation: a foreign key or one-to-one field ({@code Book_.author}),
 * or the reverse side of a one-to-one. Generated metamodels subclass it with the target's fields
 * ({@code Book_.author.name}); {@code selectRelated} takes it.
 *
 * @param <M> the model at the far end
 */
public non-sealed class RelationPath<M extends Model> extends RelatedPath<M> {
    /**
     * A single-valued relation with this lookup string, accessor path and target model; generated
     * metamodels call it, code reads their constants.
     */
    public RelationPath(String path, String accessorPath, Class<M> target) {
        super(path, accessorPath, target);
    }
}
