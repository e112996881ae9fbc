package dev.quarry.spi;

import java.util.List;

/**
 * Reads and writes the fields of one model class and creates its instances without reflection or
 * method handles: {@code quarry-processor} generates one per model ({@code Book__Accessor}, in the
 * model's package, with a public no-argument constructor), and the core uses it when it is there.
 * A model without one, or a field it does not list, goes through reflection as before, with the
 * same results. Fields are addressed by their index in {@link #fields()}.
 */
public interface ModelAccessor {
    /** The model class whose fields this accessor reads and writes. */
    Class<?> modelClass();

    /** The Java names of the fields it covers ({@code id}, {@code title}, {@code author}), in index order. */
    List<String> fields();

    /** A new instance, as the model's public no-argument constructor makes it. */
    Object newInstance();

    /** The value of field {@code field} of {@code instance} (a primitive boxed; a relation's holder). */
    Object get(Object instance, int field);

    /** Sets field {@code field} of {@code instance} ({@code null} for a primitive field throws, as reflection does). */
    void set(Object instance, int field, Object value);

    /**
     * The names of the {@code Ref} and {@code ManyToMany} fields {@link #newRelations} fills, in the order it
     * fills them; empty for an accessor that fills none (the core then sets them one by one through
     * {@link #set}, as it does when this list is not exactly the model's relation fields).
     */
    default List<String> relationFields() {
        return List.of();
    }

    /**
     * Gives a new instance the holders of the fields {@link #relationFields} names, each made by
     * {@code holders}; a {@code Ref} field that already holds one keeps it. Called from the model's
     * constructor, so one call replaces a read and a write per relation.
     */
    default void newRelations(Object instance, RelationHolders holders) {
    }
}
