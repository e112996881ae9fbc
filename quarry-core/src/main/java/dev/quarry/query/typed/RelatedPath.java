package dev.quarry.query.typed;

import dev.quarry.Model;
import java.util.Objects;

/**
 * A typed path to a relation, single-valued ({@link RelationPath}) or multi-valued ({@link ManyPath}).
 * It has two names: the lookup string ({@code "books__review"}, what {@code filter} takes) and the
 * accessor path ({@code "books__review_set"}, what {@code prefetchRelated} and {@code selectRelated}
 * take); they differ for a reverse relation without a related name (Django's {@code <model>_set}).
 * Its lookups ({@code eq(instance)}, {@code in}, {@code isNull}, {@code count}) are those of
 * {@link TypedPath}; the subclasses that generated metamodels declare add the target's fields as paths.
 *
 * @param <M> the model at the far end
 */
public abstract sealed class RelatedPath<M extends Model> extends TypedPath<M> permits RelationPath, ManyPath {
    private final String accessorPath;
    private final Class<M> target;

    RelatedPath(String path, String accessorPath, Class<M> target) {
        super(path);
        this.accessorPath = Paths.check(accessorPath);
        this.target = Objects.requireNonNull(target, "target");
    }

    /** The relation by accessor names, as {@code prefetchRelated} takes it ({@code "books__review_set"}). */
    public final String accessorPath() {
        return accessorPath;
    }

    /** The model at the far end ({@code Review.class}). */
    public final Class<M> target() {
        return target;
    }

    /** Equal when both name the same relation by the same paths. */
    @Override
    public final boolean equals(Object o) {
        return o instanceof RelatedPath<?> p && (p instanceof ManyPath) == (this instanceof ManyPath)
                && p.path().equals(path()) && p.accessorPath.equals(accessorPath) && p.target == target;
    }

    @Override
    public final int hashCode() {
        return path().hashCode() * 31 + accessorPath.hashCode();
    }
}
