package dev.quarry.load;

import dev.quarry.query.QueryTree;
import dev.quarry.query.expr.Expr;
import dev.quarry.spi.ColumnReader;
import dev.quarry.spi.Operations;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads rows of a values() SELECT as maps (values) or lists (valuesList). */
public final class ValuesRows {
    private final String[] names;
    private final ColumnReader[] readers;

    /** A reader for the values rows of {@code tree}. */
    public ValuesRows(QueryTree tree, Operations ops) {
        Map<String, Expr> values = tree.values();
        names = values.keySet().toArray(new String[0]);
        readers = new ColumnReader[names.length];
        for (int i = 0; i < names.length; i++) {
            Expr e = values.get(names[i]);
            ColumnReader stored = ops.reader(e.outputType());
            dev.quarry.model.FieldMeta f = e instanceof dev.quarry.query.expr.Col c ? c.field() : null;
            java.util.function.UnaryOperator<Object> places = f == null ? null : dev.quarry.model.FieldValues.toPlaces(f);
            if (f != null && f.converter() != null) {
                // A field with a converter gives its Java values (an enum constant, not its stored name).
                readers[i] = (rs, k) -> f.fromStored(stored.read(rs, k));
            } else if (places != null) {
                // A decimal field's values with its places, as on instances.
                readers[i] = (rs, k) -> places.apply(stored.read(rs, k));
            } else {
                readers[i] = stored;
            }
        }
    }

    /** The output names, in selected order. */
    public List<String> names() {
        return List.of(names);
    }

    /**
     * The current row as a list, in the selected order.
     *
     * @throws SQLException if the driver cannot read a column
     */
    public List<Object> tuple(ResultSet rs) throws SQLException {
        Object[] row = new Object[readers.length];
        for (int i = 0; i < readers.length; i++) {
            row[i] = read(rs, i);
        }
        return Collections.unmodifiableList(Arrays.asList(row));
    }

    /**
     * The current row as a map from output name to value, in the selected order.
     *
     * @throws SQLException if the driver cannot read a column
     */
    public Map<String, Object> map(ResultSet rs) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < readers.length; i++) {
            row.put(names[i], read(rs, i));
        }
        return Collections.unmodifiableMap(row);
    }

    /** Column {@code i}; a value its reader refuses (out of the column's range) names the output. */
    private Object read(ResultSet rs, int i) throws SQLException {
        try {
            return readers[i].read(rs, i + 1);
        } catch (dev.quarry.InvalidValueError e) {
            throw new dev.quarry.InvalidValueError(null, names[i], "'" + names[i] + "': " + e.getMessage());
        }
    }

    /**
     * Every row, read by {@code reader}.
     *
     * @throws SQLException if the driver cannot read a row
     */
    public static <T> List<T> all(ResultSet rs, RowReader<T> reader) throws SQLException {
        List<T> out = new ArrayList<>();
        while (rs.next()) {
            out.add(reader.read(rs));
        }
        return out;
    }

    /** Reads one row. */
    @FunctionalInterface
    public interface RowReader<T> {
        /**
         * Reads the current row.
         *
         * @throws SQLException if the driver cannot read a column
         */
        T read(ResultSet rs) throws SQLException;
    }
}
