package dev.quarry.spi;

/**
 * Makes the relation holders of a new model instance (its {@code Ref} and {@code ManyToMany} field
 * values) for a generated {@link ModelAccessor}, whose code cannot call their constructors; the core
 * passes its one implementation to {@link ModelAccessor#newRelations}.
 */
public interface RelationHolders {
    /** A new, empty {@code Ref} owned by {@code owner}. */
    Object ref(Object owner);

    /** A new {@code ManyToMany} owned by {@code owner}. */
    Object manyToMany(Object owner);
}
