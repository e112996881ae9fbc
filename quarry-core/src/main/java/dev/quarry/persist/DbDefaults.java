package dev.quarry.persist;

import dev.quarry.db.Database;
import dev.quarry.model.FieldMeta;
import dev.quarry.model.FieldValues;
import dev.quarry.model.ModelMeta;
import dev.quarry.spi.ColumnReader;
import dev.quarry.sql.InsertCompiler;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Database defaults ({@code dbDefault}) on insert: an instance whose field is {@code null} leaves that column
 * out of its INSERT, so the database supplies the value, which is then read back into the instance
 * ({@code RETURNING} where the database has it, one SELECT by key otherwise). Instances that leave out
 * different columns are inserted in separate statements.
 */
final class DbDefaults {
    private DbDefaults() {}

    /** The fields of {@code meta} with a database default, in column order. */
    static List<FieldMeta> of(ModelMeta meta) {
        return meta.fields().stream().filter(f -> f.extras().hasDbDefault()).toList();
    }

    /** The instances grouped by the database-default fields they leave to the database (their {@code null} ones). */
    static Map<List<FieldMeta>, List<Object>> groups(List<FieldMeta> fields, List<?> instances) {
        Map<List<FieldMeta>, List<Object>> out = new LinkedHashMap<>();
        for (Object o : instances) {
            out.computeIfAbsent(fields.stream().filter(f -> f.get(o) == null).toList(), k -> new ArrayList<>()).add(o);
        }
        return out;
    }

    /** Reads {@code fields} back into each instance by its key (for a database without {@code RETURNING}). */
    static void reread(Database db, ModelMeta meta, List<?> instances, List<FieldMeta> fields) {
        InsertCompiler compiler = new InsertCompiler(db.backend().operations());
        List<String> columns = fields.stream().map(FieldMeta::column).toList();
        for (Object o : instances) {
            Object pk = meta.pkValue(o);
            if (pk == null) {
                continue;
            }
            db.query(compiler.selectByKey(meta.table(), columns, meta.pk().column(), pk), rs -> {
                if (rs.next()) {
                    read(db, rs, 1, fields, o);
                }
                return null;
            });
        }
    }

    /** Reads {@code fields} from the row's columns {@code first}, {@code first + 1}, ... into {@code instance}. */
    static void read(Database db, ResultSet rs, int first, List<FieldMeta> fields, Object instance) throws SQLException {
        new Reader(db, fields).read(rs, first, instance);
    }

    /** Reads columns back into instances with a column reader and a conversion per field chosen once, not per row. */
    static final class Reader {
        private final FieldMeta[] fields;
        private final ColumnReader[] readers;
        private final UnaryOperator<Object>[] conversions;

        @SuppressWarnings("unchecked")
        Reader(Database db, List<FieldMeta> fields) {
            this.fields = fields.toArray(new FieldMeta[0]);
            this.readers = new ColumnReader[this.fields.length];
            this.conversions = new UnaryOperator[this.fields.length];
            for (int j = 0; j < this.fields.length; j++) {
                FieldMeta f = this.fields[j];
                readers[j] = db.backend().operations().reader(f.type());
                conversions[j] = f.converter() != null ? f::fromStored : FieldValues.fromColumn(f);
            }
        }

        /** Sets the fields of {@code instance} from the row's columns {@code first}, {@code first + 1}, ... */
        void read(ResultSet rs, int first, Object instance) throws SQLException {
            for (int j = 0; j < fields.length; j++) {
                Object raw = readers[j].read(rs, first + j);
                fields[j].set(instance, raw == null || conversions[j] == null ? raw : conversions[j].apply(raw));
            }
        }
    }
}
