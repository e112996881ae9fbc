package dev.quarry.backend.mysql;

import dev.quarry.backend.BaseOperations;
import dev.quarry.spi.ColumnReader;
import dev.quarry.spi.DatePart;
import dev.quarry.spi.Features;
import dev.quarry.spi.FieldType;
import dev.quarry.spi.PatternKind;
import dev.quarry.spi.SqlWriter;
import dev.quarry.spi.WindowCall;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * MariaDB/MySQL forms: backtick quoting, tables in {@code utf8mb4_nopad_bin} so equality and LIKE are
 * case-sensitive and count trailing spaces as elsewhere (LOWER() for the case-insensitive lookups), datetimes stored as UTC,
 * NULLS FIRST/LAST emulated.
 */
final class MysqlOperations extends BaseOperations {
    MysqlOperations(Features features) {
        super(features);
        function("Length", (w, a, t, r) -> call(w, "CHAR_LENGTH", a));
        // CONCAT is NULL when any part is; CONCAT_WS skips NULLs, as Django's Concat treats them as empty.
        function("Concat", (w, a, t, r) -> {
            w.sql("CONCAT_WS(''");
            for (Runnable x : a) {
                w.sql(", ");
                x.run();
            }
            w.sql(")");
        });
        function("Now", (w, a, t, r) -> w.sql("UTC_TIMESTAMP(6)"));
        function("Cast", (w, a, t, r) -> {
            w.sql("CAST(");
            a.get(0).run();
            w.sql(" AS ").sql(castType(r)).sql(")");
        });
        // ROUND of a double may round halves to even; of a decimal, away from zero, as SQLite does.
        function("Round", (w, a, t, r) -> {
            if (t.get(0) != FieldType.FLOAT) {
                call(w, "ROUND", a);
                return;
            }
            w.sql("ROUND(CAST(");
            a.get(0).run();
            w.sql(" AS DECIMAL(65, 30)))");
        });
    }

    @Override
    public void window(SqlWriter w, WindowCall call) {
        MysqlWindows.write(w, call);
    }

    private static String castType(FieldType t) {
        return switch (t) {
            case AUTO, BIGINT, INTEGER, SMALLINT, POSITIVE_INTEGER, POSITIVE_SMALLINT, BOOLEAN -> "SIGNED";
            case FLOAT -> "DOUBLE";
            case DECIMAL -> "DECIMAL(65, 30)";
            case CHAR, TEXT, UUID -> "CHAR";
            case DATE -> "DATE";
            case DATETIME, LOCAL_DATETIME -> "DATETIME(6)";
            case TIME -> "TIME(6)";
            case DURATION -> "SIGNED";
            case BINARY -> "BINARY";
            case JSON -> "JSON";
            case ARRAY -> throw new dev.quarry.NotSupportedError("MariaDB has no arrays", null, 0, null, null);
        };
    }

    /** Whole numbers divide with {@code DIV}: MySQL's {@code /} gives a decimal. */
    @Override
    public void divide(SqlWriter w, Runnable left, Runnable right, boolean integral) {
        left.run();
        w.sql(integral ? " DIV " : " / ");
        right.run();
    }

    @Override
    public void random(SqlWriter w) {
        w.sql("RAND()");
    }

    @Override
    public void dateExtract(SqlWriter w, DatePart part, FieldType type, Runnable lhs) {
        String f = switch (part) {
            case QUARTER -> "QUARTER(";
            case WEEK -> "WEEK(";
            case WEEK_DAY -> "DAYOFWEEK(";
            case ISO_WEEK_DAY -> "(WEEKDAY(";
            case ISO_YEAR -> "(YEARWEEK(";
            default -> null;
        };
        if (f == null) {
            super.dateExtract(w, part, type, lhs);
            return;
        }
        w.sql(f);
        lhs.run();
        // Mode 3 of WEEK and YEARWEEK is ISO-8601: weeks start on Monday, week 1 holds the first Thursday.
        w.sql(switch (part) {
            case WEEK -> ", 3)";
            case ISO_WEEK_DAY -> ") + 1)";
            case ISO_YEAR -> ", 3) DIV 100)";
            default -> ")";
        });
    }

    @Override
    public void dateTrunc(SqlWriter w, DatePart part, FieldType type, Runnable lhs) {
        boolean date = type == FieldType.DATE;
        switch (part) {
            case DATE, TIME -> {
                w.sql(part == DatePart.DATE ? "DATE(" : "TIME(");
                lhs.run();
                w.sql(")");
            }
            case YEAR, MONTH, DAY, HOUR, MINUTE, SECOND -> {
                String format = switch (part) {
                    case YEAR -> "%Y-01-01";
                    case MONTH -> "%Y-%m-01";
                    case DAY -> "%Y-%m-%d";
                    case HOUR -> "%Y-%m-%d %H:00:00";
                    case MINUTE -> "%Y-%m-%d %H:%i:00";
                    default -> "%Y-%m-%d %H:%i:%s";
                };
                w.sql("CAST(DATE_FORMAT(");
                lhs.run();
                w.sql(", '").sql(format).sql("') AS ").sql(date ? "DATE)" : "DATETIME(6))");
            }
            case WEEK -> {
                w.sql("CAST(DATE_FORMAT(DATE_SUB(");
                lhs.run();
                w.sql(", INTERVAL WEEKDAY(");
                lhs.run();
                w.sql(") DAY), '%Y-%m-%d') AS ").sql(date ? "DATE)" : "DATETIME(6))");
            }
            case QUARTER -> {
                w.sql("CAST(CONCAT(YEAR(");
                lhs.run();
                w.sql("), '-', LPAD((QUARTER(");
                lhs.run();
                w.sql(") - 1) * 3 + 1, 2, '0'), '-01') AS ").sql(date ? "DATE)" : "DATETIME(6))");
            }
            default -> throw new IllegalArgumentException("not a part to cut to: " + part);
        }
    }

    /** MySQL and MariaDB quote identifiers with backticks. */
    @Override
    protected char identifierQuote() {
        return '`';
    }

    @Override
    public void limitOffset(SqlWriter w, Long limit, Long offset) {
        if (limit == null && offset != null && offset > 0) {
            w.sql(" LIMIT 18446744073709551615");
        }
        super.limitOffset(w, limit, offset);
    }

    @Override
    public void patternMatch(SqlWriter w, Runnable lhs, String value, PatternKind kind, boolean caseInsensitive) {
        // Bound values keep their backslashes; MySQL's LIKE escapes with a backslash by default.
        if (caseInsensitive) {
            w.sql("LOWER(");
            lhs.run();
            w.sql(") LIKE LOWER(").param(likePattern(value, kind)).sql(")");
        } else {
            lhs.run();
            w.sql(" LIKE ").param(likePattern(value, kind));
        }
    }

    /**
     * {@code ON DUPLICATE KEY UPDATE}, which reacts to a conflict on any unique key (MariaDB cannot
     * name one). Ignoring is a no-op update of the key rather than Django's {@code INSERT IGNORE},
     * which would also turn foreign-key, NOT NULL and range errors into warnings and skip or
     * change those rows; this way only duplicates are ignored, as on PostgreSQL and SQLite.
     */
    @Override
    public void onConflict(SqlWriter w, String table, java.util.List<String> targetColumns,
                           java.util.List<String> updateColumns, String pkColumn, String versionColumn) {
        w.sql(" ON DUPLICATE KEY UPDATE ");
        if (updateColumns.isEmpty()) {
            w.identifier(pkColumn).sql(" = ").identifier(pkColumn);
            return;
        }
        for (int i = 0; i < updateColumns.size(); i++) {
            w.sql(i > 0 ? ", " : "").identifier(updateColumns.get(i)).sql(" = VALUES(").identifier(updateColumns.get(i))
                    .sql(")");
        }
        if (versionColumn != null) {
            w.sql(", ").identifier(versionColumn).sql(" = ").identifier(versionColumn).sql(" + 1");
        }
    }

    /** MariaDB averages integers as DECIMAL with four more digits (div_precision_increment); average doubles instead. */
    @Override
    public void averageArgument(SqlWriter w, Runnable argument) {
        w.sql("CAST(");
        argument.run();
        w.sql(" AS DOUBLE)");
    }

    @Override
    public Object toDb(Object value) {
        if (value instanceof Instant i) {
            return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
        }
        if (value instanceof UUID u) {
            return u.toString();
        }
        return super.toDb(value);
    }

    @Override
    public ColumnReader reader(FieldType type) {
        if (type == FieldType.DATETIME) {
            return (rs, i) -> {
                LocalDateTime t = rs.getObject(i, LocalDateTime.class);
                return t == null ? null : t.toInstant(ZoneOffset.UTC);
            };
        }
        return super.reader(type);
    }

    // ---- JSON: a JSON column is LONGTEXT checked by JSON_VALID; paths are bound parameters ----

    @Override
    public void jsonValue(SqlWriter w, Runnable json, java.util.List<Object> path) {
        jsonCall(w, "JSON_EXTRACT", json, path);
    }

    @Override
    public void jsonScalar(SqlWriter w, Runnable json, java.util.List<Object> path) {
        w.sql("JSON_UNQUOTE(");
        jsonCall(w, "JSON_EXTRACT", json, path);
        w.sql(")");
    }

    @Override
    public void jsonHasPath(SqlWriter w, Runnable json, java.util.List<Object> path) {
        w.sql("JSON_CONTAINS_PATH(");
        json.run();
        w.sql(", 'one', ").param(jsonPath(path)).sql(") = 1");
    }

    @Override
    public void jsonIsJsonNull(SqlWriter w, Runnable json, java.util.List<Object> path) {
        w.sql("JSON_TYPE(");
        jsonCall(w, "JSON_EXTRACT", json, path);
        w.sql(") = 'NULL'");
    }

    /**
     * {@code JSON_EQUALS} (MariaDB 10.7+) compares documents, not their text: key order and spaces do not matter.
     * Compared with 1, because MariaDB 10.11 lets a bare {@code JSON_EQUALS} that is NULL (a missing path)
     * pass a WHERE clause as if it were true.
     */
    @Override
    public void jsonEquals(SqlWriter w, Runnable json, java.util.List<Object> path, String jsonText) {
        w.sql("JSON_EQUALS(");
        jsonCall(w, "JSON_EXTRACT", json, path);
        w.sql(", ").param(jsonText).sql(") = 1");
    }

    /** The unquoted scalar against a bound number or text: MariaDB compares text with a number as numbers. */
    @Override
    public void jsonCompare(SqlWriter w, Runnable json, java.util.List<Object> path, String operator, Object scalar) {
        jsonScalar(w, json, path);
        w.sql(" ").sql(operator).sql(" ").param(scalar);
    }

    @Override
    public void jsonContains(SqlWriter w, Runnable json, java.util.List<Object> path, String jsonText,
                             boolean containedBy) {
        w.sql("JSON_CONTAINS(");
        if (containedBy) {
            w.param(jsonText).sql(", ");
            jsonCall(w, "JSON_EXTRACT", json, path);
        } else {
            jsonCall(w, "JSON_EXTRACT", json, path);
            w.sql(", ").param(jsonText);
        }
        w.sql(") = 1");
    }

    @Override
    public String literal(Object v) {
        if (v instanceof String s) {
            return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'";
        }
        return super.literal(v);
    }

    @Override
    public java.util.Set<String> explainFormats() {
        return java.util.Set.of("JSON", "TEXT", "TRADITIONAL");
    }

    @Override
    public java.util.Set<String> explainOptions() {
        return java.util.Set.of("ANALYZE");
    }

    /**
     * Django's MariaDB form: {@code TEXT} is {@code FORMAT=TRADITIONAL}; {@code ANALYZE} runs the query
     * ({@code ANALYZE FORMAT=JSON SELECT ...}).
     */
    @Override
    public String explainPrefix(String format, java.util.Map<String, Boolean> options) {
        String prefix = Boolean.TRUE.equals(options.get("ANALYZE")) ? "ANALYZE" : "EXPLAIN";
        return format == null ? prefix : prefix + " FORMAT=" + ("TEXT".equals(format) ? "TRADITIONAL" : format);
    }
}
