package dev.quarry.load;

import dev.quarry.internal.ModelAccess;
import dev.quarry.model.FieldMeta;
import dev.quarry.model.ModelMeta;
import dev.quarry.spi.ColumnReader;
import dev.quarry.spi.ModelAccessor;
import dev.quarry.spi.RowPlan;
import dev.quarry.spi.RowSink;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One model's columns of a query laid out in the order of its generated accessor's fields, so that the
 * accessor's {@link ModelAccessor#readRow} reads a row with a call site per field (monomorphic, where
 * {@link ModelRows}'s loop over fields sees every reader of every model). Made once per query shape with
 * the readers and conversions {@link ModelRows} chose, and immutable, so shared between threads.
 */
final class GeneratedRows extends RowPlan {
    private static final ModelAccess ACCESS = ModelAccess.get();

    private final ModelAccessor accessor;
    private final UnaryOperator<Object>[] coercions;
    private final Class<?>[] unchanged;
    private final boolean[] longKey;
    /** The primary key's reader and 1-based column. */
    private final ColumnReader keyReader;
    private final int keyColumn;

    private GeneratedRows(ModelAccessor accessor, ColumnReader[] readers, int[] columns, int keyField,
                          UnaryOperator<Object>[] coercions, Class<?>[] unchanged, boolean[] longKey,
                          ColumnReader keyReader, int keyColumn) {
        super(readers, columns, keyField);
        this.accessor = accessor;
        this.coercions = coercions;
        this.unchanged = unchanged;
        this.longKey = longKey;
        this.keyReader = keyReader;
        this.keyColumn = keyColumn;
    }

    /**
     * The plan for a model's {@code fields} read from column {@code start} on (index {@code i} of each array is
     * {@code fields[i]}, the primary key first), or {@code null} when its rows are read field by field: the model
     * has no generated accessor that reads rows, the accessor lacks one of the fields, its relation fields are not
     * exactly the foreign keys among them, or the primary key is itself a foreign key.
     */
    @SuppressWarnings("unchecked")
    static GeneratedRows of(ModelMeta meta, FieldMeta[] fields, ColumnReader[] readers, UnaryOperator<Object>[] coercions,
                            Class<?>[] unchanged, boolean[] longKey, int start) {
        ModelAccessor accessor = meta.generatedAccessor();
        if (accessor == null || !accessor.readsRows() || fields.length == 0 || fields[0].isForeignKey()) {
            return null;
        }
        List<String> names = accessor.fields();
        Set<String> relations = Set.copyOf(accessor.relationFields());
        int n = names.size();
        ColumnReader[] r = new ColumnReader[n];
        int[] columns = new int[n];
        UnaryOperator<Object>[] c = new UnaryOperator[n];
        Class<?>[] u = new Class<?>[n];
        boolean[] l = new boolean[n];
        int keyField = -1;
        for (int i = 0; i < fields.length; i++) {
            FieldMeta f = fields[i];
            int k = names.indexOf(f.name());
            if (k < 0 || relations.contains(f.name()) != f.isForeignKey()) {
                return null;
            }
            c[k] = coercions[i];
            u[k] = unchanged[i];
            if (i == 0) {
                keyField = k;
                continue;
            }
            r[k] = readers[i];
            columns[k] = start + i;
            l[k] = longKey[i];
        }
        return new GeneratedRows(accessor, r, columns, keyField, c, u, l, readers[0], start);
    }

    /**
     * Reads the current row into {@code obj}, a new instance whose primary key {@code pk} (not null) was read
     * already; a value a reader or a conversion refuses fails as {@link dev.quarry.InvalidValueError} with what
     * the field-by-field path says (the caller reads the row that way again to say it).
     */
    void read(ResultSet rs, Object obj, Object key) throws SQLException {
        accessor.readRow(obj, value(keyField(), key), rs, this);
    }

    /** Whether the accessor reads whole results ({@link #readAll}), not only single rows. */
    boolean readsAll() {
        return accessor.readsRowLoops();
    }

    /**
     * Reads the rows after the current one of {@code rs} into new instances handed to {@code sink}, in the
     * accessor's own loop; fails as {@link #read} does, with the result set on the row that failed.
     */
    void readAll(ResultSet rs, RowSink sink) throws SQLException {
        accessor.readRows(rs, this, sink);
    }

    @Override
    public Object rowKey(ResultSet rs) throws SQLException {
        Object pk = keyReader.read(rs, keyColumn);
        return pk == null ? null : value(keyField(), pk);
    }

    @Override
    public Object value(int field, Object read) {
        UnaryOperator<Object> c = coercions[field];
        return c != null && read != null && read.getClass() != unchanged[field] ? c.apply(read) : read;
    }

    @Override
    public void key(int field, ResultSet rs, Object ref) throws SQLException {
        if (longKey[field]) {
            ModelRows.readLongKey(rs, columns()[field], ref);
        } else {
            ACCESS.setRefId(ref, readers()[field].read(rs, columns()[field]));
        }
    }
}
