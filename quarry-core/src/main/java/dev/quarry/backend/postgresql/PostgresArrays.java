package dev.quarry.backend.postgresql;

import dev.quarry.spi.FieldType;
import dev.quarry.spi.SqlArray;
import dev.quarry.spi.SqlWriter;
import java.math.BigDecimal;

/**
 * PostgreSQL arrays: the text literal an array value is bound as ({@code {"a","b",NULL}}, every element
 * quoted, quotes and backslashes escaped) and the containment operators, whose right side is cast to the
 * column's element type ({@code varchar[]}, as Django's {@code ArrayRHSMixin}) so it is never read as text.
 */
final class PostgresArrays {
    private PostgresArrays() {}

    /** The array literal of {@code a}. */
    static String literal(SqlArray a) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < a.items().size(); i++) {
            Object v = a.items().get(i);
            out.append(i > 0 ? "," : "");
            if (v == null) {
                out.append("NULL");
                continue;
            }
            String text = v instanceof BigDecimal b ? b.toPlainString() : v.toString();
            out.append('"');
            for (int k = 0; k < text.length(); k++) {
                char c = text.charAt(k);
                if (c == '"' || c == '\\') {
                    out.append('\\');
                }
                out.append(c);
            }
            out.append('"');
        }
        return out.append('}').toString();
    }

    /** {@code @>}, {@code <@} or {@code &&} with the bound array cast to the element type's array. */
    static void compare(SqlWriter w, Runnable array, String lookup, FieldType elementType, SqlArray value) {
        String operator = switch (lookup) {
            case "contains" -> " @> ";
            case "contained_by" -> " <@ ";
            case "overlap" -> " && ";
            default -> throw new IllegalArgumentException(lookup);
        };
        array.run();
        w.sql(operator).sql("CAST(").param(value).sql(" AS ").sql(elementName(elementType)).sql("[])");
    }

    /** The type name of an element kind in a cast (no length: {@code varchar[]} matches any {@code varchar(n)[]}). */
    static String elementName(FieldType t) {
        return switch (t) {
            case CHAR -> "varchar";
            case TEXT -> "text";
            case INTEGER -> "integer";
            case BIGINT -> "bigint";
            case SMALLINT -> "smallint";
            case BOOLEAN -> "boolean";
            case FLOAT -> "double precision";
            case DECIMAL -> "numeric";
            case DATE -> "date";
            case UUID -> "uuid";
            default -> throw new IllegalArgumentException("no arrays of " + t);
        };
    }
}
