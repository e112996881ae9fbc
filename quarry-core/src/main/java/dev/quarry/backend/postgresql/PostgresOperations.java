package dev.quarry.backend.postgresql;

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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * PostgreSQL's forms: ILIKE for case-insensitive matches, timestamps with time zone, native UUIDs,
 * long IN lists as one array parameter.
 */
final class PostgresOperations extends BaseOperations {
    /**
     * Lists longer than this are bound as one array ({@code = ANY(?)}): pgjdbc refuses a statement
     * with more than 65,535 parameters. PostgreSQL plans {@code IN (...)} as {@code = ANY(array)}
     * anyway; shorter lists keep {@code IN (?, ...)}.
     */
    static final int ARRAY_THRESHOLD = 1000;

    /**
     * A list as one array parameter: typed by pgjdbc ({@code Long[]} is {@code int8[]}, ...), or
     * ISO text to cast to {@code textCast} (pgjdbc binds no array of dates or instants).
     */
    private record ArrayParam(Object[] values, String textCast) {}
    PostgresOperations(Features features) {
        super(features);
        // GREATEST and LEAST skip NULLs here alone; Quarry gives NULL when any argument is NULL, as elsewhere.
        function("Greatest", (w, a, t, r) -> nullIfAnyNull(w, "GREATEST", a));
        function("Least", (w, a, t, r) -> nullIfAnyNull(w, "LEAST", a));
        function("StrIndex", (w, a, t, r) -> call(w, "STRPOS", a));
        function("Now", (w, a, t, r) -> w.sql("STATEMENT_TIMESTAMP()"));
        // round(double precision) rounds halves to even; numeric rounds them away from zero, as SQLite does.
        function("Round", (w, a, t, r) -> call(w, "ROUND", List.of(numeric(w, a.get(0), t.get(0)))));
        function("Mod", (w, a, t, r) -> call(w, "MOD", List.of(numeric(w, a.get(0), t.get(0)), numeric(w, a.get(1), t.get(1)))));
    }

    private static void nullIfAnyNull(SqlWriter w, String function, List<Runnable> args) {
        w.sql("CASE WHEN ");
        for (int i = 0; i < args.size(); i++) {
            w.sql(i > 0 ? " OR " : "");
            args.get(i).run();
            w.sql(" IS NULL");
        }
        w.sql(" THEN NULL ELSE ");
        call(w, function, args);
        w.sql(" END");
    }

    @Override
    public void regexMatch(SqlWriter w, Runnable lhs, String pattern, boolean caseInsensitive) {
        lhs.run();
        w.sql(caseInsensitive ? " ~* " : " ~ ").param(pattern);
    }

    /** A float argument cast to numeric (which rounds and divides exactly); others as they are. */
    private static Runnable numeric(SqlWriter w, Runnable arg, FieldType type) {
        if (type != FieldType.FLOAT) {
            return arg;
        }
        return () -> {
            w.sql("CAST(");
            arg.run();
            w.sql(" AS numeric)");
        };
    }

    /** Date-times are read in UTC, whatever the session's time zone. */
    private static Runnable utc(SqlWriter w, FieldType type, Runnable lhs) {
        if (type != FieldType.DATETIME) {
            return lhs;
        }
        return () -> {
            w.sql("(");
            lhs.run();
            w.sql(" AT TIME ZONE 'UTC')");
        };
    }

    @Override
    public void dateExtract(SqlWriter w, DatePart part, FieldType type, Runnable lhs) {
        Runnable x = utc(w, type, lhs);
        String field = switch (part) {
            case WEEK_DAY -> "DOW";
            case ISO_WEEK_DAY -> "ISODOW";
            case ISO_YEAR -> "ISOYEAR";
            default -> part.name();
        };
        // EXTRACT gives numeric: seconds carry their fraction, which Django's whole-number second drops.
        w.sql(part == DatePart.SECOND ? "FLOOR(EXTRACT(" : "EXTRACT(").sql(field).sql(" FROM ");
        x.run();
        w.sql(part == DatePart.SECOND ? "))" : part == DatePart.WEEK_DAY ? ") + 1" : ")");
    }

    @Override
    public void dateTrunc(SqlWriter w, DatePart part, FieldType type, Runnable lhs) {
        Runnable x = utc(w, type, lhs);
        if (part == DatePart.DATE || part == DatePart.TIME) {
            w.sql("CAST(");
            x.run();
            w.sql(part == DatePart.DATE ? " AS date)" : " AS time)");
            return;
        }
        w.sql(type == FieldType.DATE ? "CAST(DATE_TRUNC('" : "(DATE_TRUNC('").sql(part.lookupName()).sql("', ");
        x.run();
        w.sql(type == FieldType.DATE ? ") AS date)" : type == FieldType.DATETIME ? ") AT TIME ZONE 'UTC')" : ")");
    }

    @Override
    public void patternMatch(SqlWriter w, Runnable lhs, String value, PatternKind kind, boolean caseInsensitive) {
        lhs.run();
        w.sql(caseInsensitive ? " ILIKE " : " LIKE ").param(likePattern(value, kind));
    }

    @Override
    public void inList(SqlWriter w, Runnable lhs, List<?> values, FieldType type) {
        ArrayParam array = values.size() > ARRAY_THRESHOLD && type != null ? array(values, type) : null;
        if (array == null) {
            super.inList(w, lhs, values, type);
            return;
        }
        lhs.run();
        if (array.textCast() == null) {
            w.sql(" = ANY(").param(array.values()).sql(")");
        } else {
            // Text to date or timestamptz is only a stable cast (it reads DateStyle and TimeZone), so in
            // "= ANY(CAST(? AS date[]))" it would run for every row (35 s for 2,000 rows and 100,000
            // dates); a subquery casts the list once.
            w.sql(" IN (SELECT unnest(CAST(").param(array.values()).sql(" AS ").sql(array.textCast()).sql(")))");
        }
    }

    /**
     * The values as an array pgjdbc binds ({@code Long[]}, {@code String[]}, ...), or {@code null}
     * when one does not have the column kind's Java type (the list is then written as IN (?, ...)).
     * Dates and instants travel as ISO text, cast by PostgreSQL; a fractional number compared with a
     * whole-number column makes the list {@code numeric[]}.
     */
    private ArrayParam array(List<?> values, FieldType type) {
        int n = values.size();
        switch (type) {
            case AUTO, BIGINT, INTEGER, SMALLINT, POSITIVE_INTEGER, POSITIVE_SMALLINT -> {
                if (values.stream().allMatch(v -> v instanceof Long || v instanceof Integer || v instanceof Short)) {
                    return new ArrayParam(values.stream().map(v -> ((Number) v).longValue()).toArray(Long[]::new), null);
                }
                return numeric(values);
            }
            case DECIMAL -> {
                return numeric(values);
            }
            case FLOAT -> {
                return values.stream().allMatch(v -> v instanceof Number)
                        ? new ArrayParam(values.stream().map(v -> ((Number) v).doubleValue()).toArray(Double[]::new), null)
                        : null;
            }
            case CHAR, TEXT -> {
                return all(values, String.class) ? new ArrayParam(values.toArray(new String[n]), null) : null;
            }
            case UUID -> {
                return all(values, UUID.class) ? new ArrayParam(values.toArray(new UUID[n]), null) : null;
            }
            case BOOLEAN -> {
                return all(values, Boolean.class) ? new ArrayParam(values.toArray(new Boolean[n]), null) : null;
            }
            case DATE -> {
                return all(values, LocalDate.class)
                        ? new ArrayParam(values.stream().map(Object::toString).toArray(String[]::new), "date[]") : null;
            }
            case DATETIME -> {
                return all(values, Instant.class)
                        ? new ArrayParam(values.stream().map(v -> toDb(v).toString()).toArray(String[]::new), "timestamptz[]")
                        : null;
            }
            default -> {
                return null;
            }
        }
    }

    /** More than one row: one array per column ({@link InsertArrays}) where every column and value allows it. */
    @Override
    public void insertRows(SqlWriter w, List<FieldType> types, Object[] values, int from, int rows) {
        if (rows < 2 || !InsertArrays.write(w, types, values, from, rows, this::toDb)) {
            super.insertRows(w, types, values, from, rows);
        }
    }

    private static ArrayParam numeric(List<?> values) {
        if (!values.stream().allMatch(v -> v instanceof Number n
                && (!(v instanceof Double || v instanceof Float) || Double.isFinite(n.doubleValue())))) {
            return null;
        }
        return new ArrayParam(values.stream().map(v -> v instanceof BigDecimal b ? b : new BigDecimal(v.toString()))
                .toArray(BigDecimal[]::new), null);
    }

    private static boolean all(List<?> values, Class<?> type) {
        return values.stream().allMatch(type::isInstance);
    }

    @Override
    public String literal(Object v) {
        if (v instanceof byte[] b) {
            return "'\\x" + java.util.HexFormat.of().formatHex(b) + "'::bytea";
        }
        if (v instanceof Object[] array) {
            StringBuilder out = new StringBuilder("ARRAY[");
            for (int i = 0; i < array.length; i++) {
                out.append(i > 0 ? ", " : "").append(literal(array[i]));
            }
            out.append(']');
            return array instanceof UUID[] ? out.append("::uuid[]").toString() : out.toString();
        }
        return super.literal(v);
    }

    @Override
    public java.util.List<String> resetKeyGenerator(String table, String column) {
        String t = quoteName(table);
        String c = quoteName(column);
        // Identifiers come from model metadata; the table name is also passed as a literal.
        return java.util.List.of("SELECT setval(pg_get_serial_sequence('" + t.replace("'", "''") + "', '"
                + column.replace("'", "''") + "'), COALESCE(MAX(" + c + "), 1), MAX(" + c + ") IS NOT NULL) FROM " + t);
    }

    /** A CASE of bind parameters has no type of its own in PostgreSQL (NULLs would be text): cast it to the column's. */
    @Override
    public void typedCase(SqlWriter w, FieldType type, Runnable caseExpression) {
        if (type == FieldType.ARRAY) {
            throw new dev.quarry.NotSupportedError("bulkUpdate of an array field is not supported; "
                    + "save() or update() the rows", null, 0, null, null);
        }
        w.sql("CAST(");
        caseExpression.run();
        w.sql(" AS ").sql(type.standardSqlName()).sql(")");
    }

    @Override
    public Object toDb(Object value) {
        if (value instanceof Instant i) {
            return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
        }
        if (value instanceof dev.quarry.spi.JsonText j) {
            // Bound as "unspecified", so the server reads the text as the jsonb column it is written to.
            return new dev.quarry.spi.TypedParameter(j.json(), java.sql.Types.OTHER);
        }
        if (value instanceof dev.quarry.spi.SqlArray a) {
            // An array literal ({"a","b"}) bound as "unspecified": the column, or the lookup's CAST, gives its type.
            return new dev.quarry.spi.TypedParameter(PostgresArrays.literal(a), java.sql.Types.OTHER);
        }
        return super.toDb(value);
    }

    @Override
    public void arrayCompare(SqlWriter w, Runnable array, String lookup, FieldType elementType,
                             dev.quarry.spi.SqlArray value) {
        PostgresArrays.compare(w, array, lookup, elementType, value);
    }

    /** Django's ArrayLenTransform: 0 for an empty array (array_length gives NULL), NULL for NULL. */
    @Override
    public void arrayLength(SqlWriter w, Runnable array) {
        w.sql("CASE WHEN ");
        array.run();
        w.sql(" IS NULL THEN NULL ELSE COALESCE(array_length(");
        array.run();
        w.sql(", 1), 0) END");
    }

    @Override
    public void arrayElement(SqlWriter w, Runnable array, int index) {
        w.sql("(");
        array.run();
        w.sql(")[").sql(Integer.toString(index + 1)).sql("]");
    }

    @Override
    public void arraySlice(SqlWriter w, Runnable array, int from, int to) {
        w.sql("(");
        array.run();
        w.sql(")[").sql(Integer.toString(from + 1)).sql(":").sql(Integer.toString(to)).sql("]");
    }

    // ---- JSON: jsonb; a path is one text[] parameter ("#>" gives jsonb, "#>>" text) ----

    private void at(SqlWriter w, Runnable json, List<Object> path, String operator) {
        w.sql("(");
        json.run();
        w.sql(" ").sql(operator).sql(" CAST(").param(path.stream().map(String::valueOf).toArray(String[]::new))
                .sql(" AS text[]))");
    }

    @Override
    public void jsonValue(SqlWriter w, Runnable json, List<Object> path) {
        at(w, json, path, "#>");
    }

    @Override
    public void jsonScalar(SqlWriter w, Runnable json, List<Object> path) {
        at(w, json, path, "#>>");
    }

    /** "#>" is SQL NULL only where the path is missing (a JSON null there is the jsonb 'null'). */
    @Override
    public void jsonHasPath(SqlWriter w, Runnable json, List<Object> path) {
        at(w, json, path, "#>");
        w.sql(" IS NOT NULL");
    }

    @Override
    public void jsonIsJsonNull(SqlWriter w, Runnable json, List<Object> path) {
        at(w, json, path, "#>");
        w.sql(" = 'null'::jsonb");
    }

    @Override
    public void jsonEquals(SqlWriter w, Runnable json, List<Object> path, String jsonText) {
        at(w, json, path, "#>");
        w.sql(" = CAST(").param(jsonText).sql(" AS jsonb)");
    }

    /** jsonb against jsonb: numbers compare as numbers, strings as strings (no cast of the value that could fail). */
    @Override
    public void jsonCompare(SqlWriter w, Runnable json, List<Object> path, String operator, Object scalar) {
        at(w, json, path, "#>");
        w.sql(" ").sql(operator).sql(" CAST(").param(jsonScalarText(scalar)).sql(" AS jsonb)");
    }

    @Override
    public void jsonContains(SqlWriter w, Runnable json, List<Object> path, String jsonText, boolean containedBy) {
        at(w, json, path, "#>");
        w.sql(containedBy ? " <@ CAST(" : " @> CAST(").param(jsonText).sql(" AS jsonb)");
    }

    /** A number or text as JSON text. */
    private static String jsonScalarText(Object scalar) {
        if (scalar instanceof BigDecimal b) {
            return b.toPlainString();
        }
        if (scalar instanceof Number || scalar instanceof Boolean) {
            return scalar.toString();
        }
        return jsonString(scalar.toString());
    }

    @Override
    public ColumnReader reader(FieldType type) {
        if (type == FieldType.UUID) {
            return (rs, i) -> rs.getObject(i, java.util.UUID.class);
        }
        return super.reader(type);
    }

    @Override
    public java.util.Set<String> explainFormats() {
        return java.util.Set.of("JSON", "TEXT", "XML", "YAML");
    }

    @Override
    public java.util.Set<String> explainOptions() {
        return java.util.Set.of("ANALYZE", "BUFFERS", "COSTS", "SETTINGS", "SUMMARY", "TIMING", "VERBOSE", "WAL");
    }

    /** Django's form: {@code EXPLAIN (ANALYZE true, FORMAT JSON)}, options first. */
    @Override
    public String explainPrefix(String format, java.util.Map<String, Boolean> options) {
        java.util.List<String> extra = new java.util.ArrayList<>();
        options.forEach((name, on) -> extra.add(name + (on ? " true" : " false")));
        if (format != null) {
            extra.add("FORMAT " + format);
        }
        return extra.isEmpty() ? "EXPLAIN" : "EXPLAIN (" + String.join(", ", extra) + ")";
    }
}
