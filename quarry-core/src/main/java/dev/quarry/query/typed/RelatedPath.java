package dev.quarry.query.typed;

import dev.quarry.Model;
import dev.quarry.Q;
import dev.quarry.expr.Aggregate;
import dev.quarry.expr.Aggregates;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Objects;

/**
 * A typed path to a relation, single-valued ({@link RelationPath}) or multi-valued ({@link ManyPath}).
 * It has two names: the lookup string ({@code "books__review"}, what {@code filter} takes) and the
 * accessor path ({@code "books__review_set"}, what {@code prefetchRelated} and {@code selectRelated}
 * take); they differ for a reverse relation without a related name (Django's {@code <model>_set}).
 * The subclasses that generated metamodels declare add the target model's fields as paths.
 *
 * @param <M> the model at the far end
 */
public abstract sealed class RelatedPath<M extends Model> permits RelationPath, ManyPath {
    private final String path;
    private final String accessorPath;
    private final Class<M> target;

    RelatedPath(String path, String accessorPath, Class<M> target) {
        this.path = Paths.check(path);
        this.accessorPath = Paths.check(accessorPath);
        this.target = Objects.requireNonNull(target, "target");
    }

    /** The lookup string of this relation, as {@code filter} takes it ({@code "books__review"}). */
    public final String path() {
        return path;
    }

    /** The relation by accessor names, as {@code prefetchRelated} takes it ({@code "books__review_set"}). */
    public final String accessorPath() {
        return accessorPath;
    }

    /** The model at the far end ({@code Review.class}). */
    public final Class<M> target() {
        return target;
    }

    /** Related to this instance ({@code Q.of("book__author", rowling)}); {@code null} means IS NULL. */
    public final Q eq(M instance) {
        return Q.of(path, instance);
    }

    /** Related to one of these instances ({@code in}). */
    public final Q in(Collection<? extends M> instances) {
        return Q.of(path + "__in", Objects.requireNonNull(instances, "instances"));
    }

    /** Related to one of these instances ({@code in}). */
    @SafeVarargs
    public final Q in(M... instances) {
        return Q.of(path + "__in", Collections.unmodifiableList(Arrays.asList(instances.clone())));
    }

    /**
     * Has no related row ({@code true}) or has one ({@code false}): {@code Author_.books.isNull(true)}
     * finds authors without books, as {@code "books__isnull"} does.
     */
    public final Q isNull(boolean isNull) {
        return Q.of(path + "__isnull", isNull);
    }

    /** The number of related rows: {@code count(path())} ({@code annotate("n", Author_.books.count())}). */
    public final Aggregate<Long> count() {
        return Aggregates.count(path);
    }

    /** The number of distinct related rows: {@code count(path(), true)}. */
    public final Aggregate<Long> countDistinct() {
        return Aggregates.count(path, true);
    }

    /** Equal when both name the same relation by the same paths. */
    @Override
    public final boolean equals(Object o) {
        return o instanceof RelatedPath<?> p && (p instanceof ManyPath) == (this instanceof ManyPath)
                && p.path.equals(path) && p.accessorPath.equals(accessorPath) && p.target == target;
    }

    @Override
    public final int hashCode() {
        return path.hashCode() * 31 + accessorPath.hashCode();
    }

    /** The lookup string ({@code books__review}). */
    @Override
    public final String toString() {
        return path;
    }
}
