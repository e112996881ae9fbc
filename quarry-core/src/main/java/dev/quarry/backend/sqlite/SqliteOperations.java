package dev.quarry.backend.sqlite;

import dev.quarry.backend.BaseOperations;
import dev.quarry.spi.ColumnReader;
import dev.quarry.spi.DatePart;
import dev.quarry.spi.Features;
import dev.quarry.spi.FieldType;
import dev.quarry.spi.PatternKind;
import dev.quarry.spi.SqlWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.UUID;

/**
 * SQLite's forms: dates, date-times and times as ISO text (as Django stores them), durations as microseconds, booleans as 0/1, case-sensitive
 * matches with GLOB (SQLite's LIKE ignores ASCII case), LIMIT -1 for an offset alone, long IN
 * lists as one JSON array.
 */
final class SqliteOperations extends BaseOperations {
    /**
     * Lists longer than this are bound as one JSON array read by {@code json_each}: the SQLite of
     * sqlite-jdbc 3.50 takes at most 250,000 parameters per statement (other builds 32,766), and
     * its statement text is limited too. Shorter lists keep {@code IN (?, ...)}.
     */
    static final int JSON_THRESHOLD = 1000;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter READ = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd[ ][['T']HH:mm:ss]")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    SqliteOperations(Features features) {
        super(features);
        // SQLite's multi-argument MAX and MIN are NULL when any argument is, as GREATEST and LEAST are elsewhere.
        function("Greatest", (w, a, t, r) -> call(w, "MAX", a));
        function("Least", (w, a, t, r) -> call(w, "MIN", a));
        // The stored form of a date-time: six fractional digits, UTC.
        function("Now", (w, a, t, r) -> w.sql("strftime('%Y-%m-%d %H:%M:%f000', 'now')"));
        function("Cast", (w, a, t, r) -> {
            if (r == FieldType.DATE) {
                w.sql("date(");
                a.get(0).run();
                w.sql(")");
                return;
            }
            w.sql("CAST(");
            a.get(0).run();
            w.sql(" AS ").sql(switch (r) {
                case FLOAT -> "REAL";
                case DECIMAL -> "NUMERIC";
                case CHAR, TEXT, UUID, DATETIME, TIME, DATE -> "TEXT";
                default -> "INTEGER";
            }).sql(")");
        });
    }

    /**
     * SQLite's transactions are serializable whatever level is asked for (a stronger level is always
     * allowed); read-only is the connection's {@code query_only} switch, turned off again at the end.
     */
    @Override
    public java.util.List<String> transactionStart(int isolation, boolean readOnly) {
        return readOnly ? java.util.List.of("PRAGMA query_only = ON") : java.util.List.of();
    }

    @Override
    public java.util.List<String> transactionEnd(boolean readOnly) {
        return readOnly ? java.util.List.of("PRAGMA query_only = OFF") : java.util.List.of();
    }

    @Override
    public void limitOffset(SqlWriter w, Long limit, Long offset) {
        if (limit == null && offset != null && offset > 0) {
            w.sql(" LIMIT -1");
        }
        super.limitOffset(w, limit, offset);
    }

    @Override
    public void patternMatch(SqlWriter w, Runnable lhs, String value, PatternKind kind, boolean caseInsensitive) {
        if (caseInsensitive) {
            lhs.run();
            w.sql(" LIKE ").param(likePattern(value, kind)).sql(" ESCAPE '\\'");
            return;
        }
        String g = globEscape(value);
        String pattern = switch (kind) {
            case CONTAINS -> "*" + g + "*";
            case STARTS_WITH -> g + "*";
            case ENDS_WITH -> "*" + g;
            case EXACT -> g;
        };
        lhs.run();
        w.sql(" GLOB ").param(pattern);
    }

    /** {@code REGEXP} calls {@link SqliteRegexp} (Java's regular expressions); {@code (?iu)} folds case beyond ASCII. */
    @Override
    public void regexMatch(SqlWriter w, Runnable lhs, String pattern, boolean caseInsensitive) {
        lhs.run();
        w.sql(" REGEXP ").param(caseInsensitive ? "(?iu)" + pattern : pattern);
    }

    /** Escapes GLOB's wildcards by putting each in a one-character class. */
    static String globEscape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 4);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '*', '?', '[' -> out.append('[').append(c).append(']');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public void inList(SqlWriter w, Runnable lhs, List<?> values, FieldType type) {
        String json = values.size() > JSON_THRESHOLD ? jsonArray(values) : null;
        if (json == null) {
            super.inList(w, lhs, values, type);
            return;
        }
        // json_each's value column has no affinity, so the column's affinity applies as with "x = ?".
        lhs.run();
        w.sql(" IN (SELECT value FROM json_each(").param(json).sql("))");
    }

    /**
     * The values as a JSON array, each in the form it binds in ({@link #toDb}: dates, UUIDs and
     * decimals as text, booleans as 0/1), or {@code null} when one has no JSON form (the list is then
     * written as IN (?, ...)).
     */
    private String jsonArray(List<?> values) {
        StringBuilder out = new StringBuilder(values.size() * 8).append('[');
        for (Object v : values) {
            Object d = toDb(v);
            if (out.length() > 1) {
                out.append(',');
            }
            if (d instanceof Long || d instanceof Integer || d instanceof Short || d instanceof Byte) {
                out.append(d);
            } else if (d instanceof Double || d instanceof Float) {
                double x = ((Number) d).doubleValue();
                if (Double.isNaN(x)) {
                    return null;
                }
                // SQLite's JSON reads 9e999 as infinity, as its REAL columns hold it.
                out.append(Double.isInfinite(x) ? (x > 0 ? "9e999" : "-9e999") : Double.toString(x));
            } else if (d instanceof String s) {
                jsonString(out, s);
            } else {
                return null;
            }
        }
        return out.append(']').toString();
    }

    private static void jsonString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    /** Date parts from the ISO text with {@code strftime} (SQLite 3.46+ for {@code %V}, {@code %G}, {@code %u}). */
    @Override
    public void dateExtract(SqlWriter w, DatePart part, FieldType type, Runnable lhs) {
        if (part == DatePart.QUARTER) {
            w.sql("((");
            strftimeInt(w, "'%m'", lhs);
            w.sql(" + 2) / 3)");
            return;
        }
        if (part == DatePart.WEEK_DAY) {
            w.sql("(");
            strftimeInt(w, "'%w'", lhs);
            w.sql(" + 1)");
            return;
        }
        String f = switch (part) {
            case YEAR -> "'%Y'";
            case ISO_YEAR -> "'%G'";
            case MONTH -> "'%m'";
            case WEEK -> "'%V'";
            case ISO_WEEK_DAY -> "'%u'";
            case DAY -> "'%d'";
            case HOUR -> "'%H'";
            case MINUTE -> "'%M'";
            case SECOND -> "'%S'";
            default -> throw new IllegalArgumentException("not a part to extract: " + part);
        };
        strftimeInt(w, f, lhs);
    }

    private static void strftimeInt(SqlWriter w, String format, Runnable lhs) {
        w.sql("CAST(strftime(").sql(format).sql(", ");
        lhs.run();
        w.sql(") AS INTEGER)");
    }

    /**
     * Cuts the ISO text with {@code strftime}: a date stays {@code yyyy-MM-dd}, a date-time keeps
     * the {@code yyyy-MM-dd HH:mm:ss.SSSSSS} form it is stored in, so results compare with stored values.
     */
    @Override
    public void dateTrunc(SqlWriter w, DatePart part, FieldType type, Runnable lhs) {
        boolean dt = type != FieldType.DATE;
        String zero = dt ? " 00:00:00.000000" : "";
        switch (part) {
            case DATE -> strftime(w, "'%Y-%m-%d'", lhs, null);
            case TIME -> {
                w.sql("substr(");
                lhs.run();
                w.sql(", 12, 15)");
            }
            case YEAR -> strftime(w, "'%Y-01-01" + zero + "'", lhs, null);
            case MONTH -> strftime(w, "'%Y-%m-01" + zero + "'", lhs, null);
            case DAY -> strftime(w, "'%Y-%m-%d" + zero + "'", lhs, null);
            case HOUR -> strftime(w, "'%Y-%m-%d %H:00:00.000000'", lhs, null);
            case MINUTE -> strftime(w, "'%Y-%m-%d %H:%M:00.000000'", lhs, null);
            case SECOND -> strftime(w, "'%Y-%m-%d %H:%M:%S.000000'", lhs, null);
            case WEEK -> strftime(w, "'%Y-%m-%d" + zero + "'", lhs, () -> {
                w.sql("'-' || ((CAST(strftime('%w', ");
                lhs.run();
                w.sql(") AS INTEGER) + 6) % 7) || ' days'");
            });
            case QUARTER -> {
                w.sql("(strftime('%Y-', ");
                lhs.run();
                w.sql(") || printf('%02d', ((CAST(strftime('%m', ");
                lhs.run();
                w.sql(") AS INTEGER) - 1) / 3) * 3 + 1) || '-01" + zero + "')");
            }
            default -> throw new IllegalArgumentException("not a part to cut to: " + part);
        }
    }

    private static void strftime(SqlWriter w, String format, Runnable lhs, Runnable modifier) {
        w.sql("strftime(").sql(format).sql(", ");
        lhs.run();
        if (modifier != null) {
            w.sql(", ");
            modifier.run();
        }
        w.sql(")");
    }

    @Override
    public Object toDb(Object value) {
        if (value instanceof LocalDate d) {
            return d.toString();
        }
        if (value instanceof Instant i) {
            return SqliteTimestamps.of(i);
        }
        if (value instanceof LocalDateTime t) {
            return SqliteTimestamps.of(t);
        }
        if (value instanceof java.time.LocalTime t) {
            return TIME.format(t);
        }
        if (value instanceof UUID u) {
            return u.toString();
        }
        if (value instanceof java.time.LocalTime t) {
            return TIME.format(t);
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof BigDecimal b) {
            return b.toPlainString();
        }
        return super.toDb(value);
    }

    @Override
    public ColumnReader reader(FieldType type) {
        return switch (type) {
            case DATE -> (rs, i) -> {
                String s = rs.getString(i);
                return s == null ? null : date(s);
            };
            case DATETIME -> (rs, i) -> {
                String s = rs.getString(i);
                return s == null ? null : instant(s);
            };
            case LOCAL_DATETIME -> (rs, i) -> {
                String s = rs.getString(i);
                return s == null ? null : LocalDateTime.ofInstant(instant(s), ZoneOffset.UTC);
            };
            case TIME -> (rs, i) -> {
                String s = rs.getString(i);
                return s == null ? null : java.time.LocalTime.parse(s);
            };
            case BOOLEAN -> (rs, i) -> {
                int v = rs.getInt(i);
                return v == 0 && rs.wasNull() ? null : v != 0; // as LongColumn: only a 0 may be NULL
            };
            case DECIMAL -> (rs, i) -> {
                String s = rs.getString(i);
                return s == null ? null : new BigDecimal(s);
            };
            default -> super.reader(type);
        };
    }

    /** Parses {@code yyyy-MM-dd} by hand: rows are read by the thousand and the formatter costs more than the query. */
    static LocalDate date(String s) {
        if (s.length() >= 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
            return LocalDate.of(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10));
        }
        return LocalDate.parse(s);
    }

    /** Parses {@code yyyy-MM-dd HH:mm:ss[.ffffff]} (UTC) by hand, falling back to the formatter for other shapes. */
    static Instant instant(String s) {
        int n = s.length();
        if (n >= 19 && s.charAt(4) == '-' && s.charAt(7) == '-' && (s.charAt(10) == ' ' || s.charAt(10) == 'T')
                && s.charAt(13) == ':' && s.charAt(16) == ':') {
            int nanos = 0;
            if (n > 20 && s.charAt(19) == '.') {
                int end = Math.min(n, 29);
                nanos = digits(s, 20, end);
                for (int k = end - 20; k < 9; k++) {
                    nanos *= 10;
                }
            }
            long days = LocalDate.of(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10)).toEpochDay();
            long seconds = days * 86_400L + digits(s, 11, 13) * 3600L + digits(s, 14, 16) * 60L + digits(s, 17, 19);
            return Instant.ofEpochSecond(seconds, nanos);
        }
        return LocalDateTime.parse(s, READ).toInstant(ZoneOffset.UTC);
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                throw new java.time.format.DateTimeParseException("Not a date: " + s, s, k);
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    @Override
    public String literal(Object v) {
        return v instanceof Boolean b ? (b ? "1" : "0") : super.literal(v);
    }

    // ---- JSON1: "->" gives JSON text, "->>" an SQL value (SQLite 3.38+) ----

    @Override
    public void jsonValue(SqlWriter w, Runnable json, List<Object> path) {
        w.sql("(");
        json.run();
        w.sql(" -> ").param(jsonPath(path)).sql(")");
    }

    @Override
    public void jsonScalar(SqlWriter w, Runnable json, List<Object> path) {
        w.sql("(");
        json.run();
        w.sql(" ->> ").param(jsonPath(path)).sql(")");
    }

    @Override
    public void jsonHasPath(SqlWriter w, Runnable json, List<Object> path) {
        jsonCall(w, "json_type", json, path);
        w.sql(" IS NOT NULL");
    }

    @Override
    public void jsonIsJsonNull(SqlWriter w, Runnable json, List<Object> path) {
        jsonCall(w, "json_type", json, path);
        w.sql(" = 'null'");
    }

    /** Both sides minified by SQLite: equal documents written with the same key order compare equal. */
    @Override
    public void jsonEquals(SqlWriter w, Runnable json, List<Object> path, String jsonText) {
        jsonValue(w, json, path);
        w.sql(" = json(").param(jsonText).sql(")");
    }

    @Override
    public void jsonCompare(SqlWriter w, Runnable json, List<Object> path, String operator, Object scalar) {
        jsonScalar(w, json, path);
        w.sql(" ").sql(operator).sql(" ").param(scalar);
    }

    /** SQLite describes a plan with {@code EXPLAIN QUERY PLAN}, without formats or options (as Django). */
    @Override
    public String explainPrefix(String format, java.util.Map<String, Boolean> options) {
        return "EXPLAIN QUERY PLAN";
    }
}
