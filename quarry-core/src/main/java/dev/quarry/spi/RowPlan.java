package dev.quarry.spi;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How one query's rows map onto a model's fields, for a generated {@link ModelAccessor#readRow}: per
 * field of the accessor (by its index in {@link ModelAccessor#fields()}), the column reader the query
 * chose and its column, or {@code null} for a field the generated code does not read (the primary key,
 * which the core has read already and passes in, a field with no column in this query, a many-to-many
 * field). The generated code calls each field's reader itself, so that each such call site sees the one
 * reader of its field and stays monomorphic, where a loop over all fields would see every reader of every
 * model. The core makes one per query shape and shares it between threads; it is immutable, and the arrays
 * it hands out must not be changed.
 */
public abstract class RowPlan {
    private final ColumnReader[] readers;
    private final int[] columns;
    private final int keyField;

    /**
     * A plan reading field {@code i} with {@code readers[i]} from 1-based column {@code columns[i]}, and whose
     * primary key is field {@code keyField} (-1 for none of the accessor's fields).
     */
    protected RowPlan(ColumnReader[] readers, int[] columns, int keyField) {
        if (readers.length != columns.length) {
            throw new IllegalArgumentException("one column per reader: " + readers.length + " readers, "
                    + columns.length + " columns");
        }
        this.readers = readers;
        this.columns = columns;
        this.keyField = keyField;
    }

    /** Per accessor field, its column reader, or {@code null} when the generated code leaves the field alone. */
    public final ColumnReader[] readers() {
        return readers;
    }

    /** Per accessor field, its 1-based column in the row (meaningless where the reader is {@code null}). */
    public final int[] columns() {
        return columns;
    }

    /** The accessor index of the primary key field, which {@link ModelAccessor#readRow} sets to the key it is given. */
    public final int keyField() {
        return keyField;
    }

    /**
     * The value field {@code field} holds for what its reader read: converted where the field's Java type asks
     * for it (a converter, an enum, a narrower number), else {@code read} itself; {@code null} for SQL NULL.
     */
    public abstract Object value(int field, Object read);

    /**
     * The primary key of the current row of {@code rs}, read and converted as the key field holds it, or
     * {@code null} when the column is NULL (no instance for that row).
     *
     * @throws SQLException if the driver cannot read the column
     */
    public abstract Object rowKey(ResultSet rs) throws SQLException;

    /**
     * Reads foreign key field {@code field}'s column of the current row of {@code rs} into {@code ref}, the
     * field's {@code Ref}.
     *
     * @throws SQLException if the driver cannot read the column
     */
    public abstract void key(int field, ResultSet rs, Object ref) throws SQLException;
}
