package dev.quarry.spi;

import java.sql.ResultSet;
import java.sql.SQLException;
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

    /**
     * Whether {@link #readRow} reads rows; {@code false} for an accessor without it (written by an older
     * {@code quarry-processor}), whose rows the core reads field by field through {@link #set}.
     */
    default boolean readsRows() {
        return false;
    }

    /**
     * Reads the current row of {@code rs} into the fields of {@code instance}, a new instance: sets the
     * primary key field ({@link RowPlan#keyField()}) to {@code key}; for every other field with a reader in
     * {@code plan}, calls that reader on its column and stores {@link RowPlan#value} of what it read (a
     * primitive field keeps its default for SQL NULL); and hands each {@code Ref} field with a reader to
     * {@link RowPlan#key}. Each field's reader is called from a call site of its own.
     *
     * @throws SQLException if the driver cannot read a column
     */
    default void readRow(Object instance, Object key, ResultSet rs, RowPlan plan) throws SQLException {
        throw new UnsupportedOperationException(getClass().getName() + " does not read rows; see readsRows()");
    }

    /**
     * Whether {@link #readRows} reads whole results; {@code false} for an accessor without it (written by an
     * older {@code quarry-processor}), whose rows the core reads one by one through {@link #readRow}.
     */
    default boolean readsRowLoops() {
        return false;
    }

    /**
     * Reads the rows of {@code rs} after its current one, each into a new instance as {@link #readRow} does
     * with the key {@link RowPlan#rowKey} reads (no instance for a NULL key), handing each to {@code sink}
     * and stopping when it says so or the rows end. The loop lives in the generated class so that creating
     * the instance and reading its fields are calls the JIT sees for this model alone, not sites shared by
     * every model.
     *
     * @throws SQLException if the driver cannot read a row
     */
    default void readRows(ResultSet rs, RowPlan plan, RowSink sink) throws SQLException {
        throw new UnsupportedOperationException(getClass().getName() + " does not read results; see readsRowLoops()");
    }
}
