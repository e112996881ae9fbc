package dev.quarry.backend.postgresql;

import dev.quarry.spi.FieldType;
import dev.quarry.spi.SqlWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * A bulk INSERT's rows as one array parameter per column: {@code SELECT * FROM unnest(CAST(? AS bigint[]), ...)}.
 * The statement has as many parameters as columns whatever the number of rows, so PostgreSQL parses and
 * plans it once, and pgjdbc binds a few arrays instead of a placeholder per value (Django 5.2 does the same on
 * PostgreSQL). Each array is cast to its column's type without modifiers ({@code text[]}, {@code numeric[]}):
 * a cast to {@code varchar(10)[]} would cut a long string where the column refuses it, so the column's own
 * checks stay as with VALUES rows.
 *
 * <p>Only the kinds whose arrays pgjdbc binds and PostgreSQL reads back exactly are taken (whole numbers, text,
 * booleans, finite floats, decimals, dates, instants, UUIDs); a column of another kind, or a value that is not of
 * its column's Java type, leaves the rows to the standard VALUES form.
 */
final class InsertArrays {
    private InsertArrays() {}

    /**
     * Writes the rows as {@code SELECT * FROM unnest(...)} and returns true, or writes nothing and returns false
     * when a column or value cannot go in an array. {@code toDb} gives a value's database form (enums as names).
     */
    static boolean write(SqlWriter w, List<FieldType> types, Object[] values, int from, int rows,
                         java.util.function.UnaryOperator<Object> toDb) {
        int width = types.size();
        // Every column's kind is checked before any value is converted, so a model with a column of another
        // kind costs nothing here.
        for (FieldType type : types) {
            if (type == null || elementType(type) == null) {
                return false;
            }
        }
        Object[][] columns = new Object[width][];
        for (int c = 0; c < width; c++) {
            columns[c] = column(types.get(c), values, from + c, rows, width, toDb);
            if (columns[c] == null) {
                return false;
            }
        }
        w.sql(" SELECT * FROM unnest(");
        for (int c = 0; c < width; c++) {
            // The array is already in pgjdbc's form; param() leaves a Java array as it is.
            w.sql(c > 0 ? ", CAST(" : "CAST(").param(columns[c]).sql(" AS ")
                    .sql(types.get(c).standardSqlName()).sql("[])");
        }
        w.sql(")");
        return true;
    }

    /**
     * The element type of the array pgjdbc binds for a column of this kind, or {@code null} for a kind not
     * inserted from arrays.
     */
    private static Class<?> elementType(FieldType type) {
        return switch (type) {
            case AUTO, BIGINT, INTEGER, POSITIVE_INTEGER, SMALLINT, POSITIVE_SMALLINT -> Long.class;
            case CHAR, TEXT, DATE, DATETIME -> String.class;
            case BOOLEAN -> Boolean.class;
            case FLOAT -> Double.class;
            case DECIMAL -> BigDecimal.class;
            case UUID -> UUID.class;
            default -> null;
        };
    }

    /**
     * One column's values as the Java array pgjdbc binds for it ({@code Long[]}, {@code String[]}, ...), NULLs
     * kept; {@code null} when a value is not of the kind's Java type. Dates and instants travel as ISO text
     * (pgjdbc binds no array of them), cast by PostgreSQL once per statement.
     */
    private static Object[] column(FieldType type, Object[] values, int first, int rows, int width,
                                   java.util.function.UnaryOperator<Object> toDb) {
        Object[] out = (Object[]) java.lang.reflect.Array.newInstance(elementType(type), rows);
        for (int r = 0, i = first; r < rows; r++, i += width) {
            Object v = values[i];
            if (v == null) {
                continue;
            }
            Object e = element(type, v instanceof Instant ? v : toDb.apply(v));
            if (e == null) {
                return null;
            }
            out[r] = e;
        }
        return out;
    }

    /** A non-null value as its array element, or {@code null} when it is not of the kind's Java type. */
    private static Object element(FieldType type, Object v) {
        return switch (type) {
            case AUTO, BIGINT, INTEGER, POSITIVE_INTEGER, SMALLINT, POSITIVE_SMALLINT ->
                    v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
                            ? Long.valueOf(((Number) v).longValue()) : null;
            case CHAR, TEXT -> v instanceof String ? v : null;
            case BOOLEAN -> v instanceof Boolean ? v : null;
            case FLOAT -> (v instanceof Double || v instanceof Float) && Double.isFinite(((Number) v).doubleValue())
                    ? Double.valueOf(((Number) v).doubleValue()) : null;
            case DECIMAL -> v instanceof BigDecimal ? v : null;
            case UUID -> v instanceof UUID ? v : null;
            case DATE -> v instanceof LocalDate d ? d.toString() : null;
            case DATETIME -> v instanceof Instant i ? utcText(i) : null;
            default -> null;
        };
    }

    /** An instant as UTC ISO text to the microsecond (Quarry writes instants truncated to microseconds). */
    private static String utcText(Instant i) {
        return LocalDateTime.ofEpochSecond(i.getEpochSecond(), i.getNano() / 1000 * 1000, ZoneOffset.UTC) + "Z";
    }
}
