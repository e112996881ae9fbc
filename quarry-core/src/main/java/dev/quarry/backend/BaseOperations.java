package dev.quarry.backend;

import dev.quarry.spi.ColumnReader;
import dev.quarry.spi.DatePart;
import dev.quarry.spi.Feature;
import dev.quarry.spi.FieldType;
import dev.quarry.spi.LongColumn;
import dev.quarry.spi.NullsOrder;
import dev.quarry.spi.Operations;
import dev.quarry.spi.PatternKind;
import dev.quarry.spi.SqlWriter;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Standard SQL forms shared by the backends; each backend overrides what its database does
 * differently.
 */
public abstract class BaseOperations implements Operations {
    private static final int QUOTED_NAMES = 4096;
    private final boolean nullsOrdering;
    private final java.util.concurrent.ConcurrentHashMap<String, String> quotedNames = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, dev.quarry.spi.FunctionWriter> functions = new java.util.HashMap<>();

    /** Operations for a database that has (or lacks) {@code NULLS FIRST/LAST}. */
    protected BaseOperations(boolean nullsOrdering) {
        this.nullsOrdering = nullsOrdering;
    }

    /** Builds operations whose NULLS FIRST/LAST support follows the backend's features. */
    protected BaseOperations(dev.quarry.spi.Features features) {
        this(features.has(Feature.NULLS_ORDERING));
    }

    /** Registers how this database writes the built-in function {@code name} (called from a subclass's constructor). */
    protected final void function(String name, dev.quarry.spi.FunctionWriter writer) {
        functions.put(name, writer);
    }

    @Override
    public dev.quarry.spi.FunctionWriter function(String name) {
        return functions.get(name);
    }

    /** Writes {@code NAME(a, b, ...)}: a helper for function writers. */
    protected static void call(SqlWriter w, String name, java.util.List<Runnable> args) {
        w.sql(name).sql("(");
        for (int i = 0; i < args.size(); i++) {
            w.sql(i > 0 ? ", " : "");
            args.get(i).run();
        }
        w.sql(")");
    }

    /** The character this database quotes identifiers with: {@code "} (the SQL standard's) unless a subclass says otherwise. */
    protected char identifierQuote() {
        return '"';
    }

    @Override
    public String quoteName(String name) {
        return quoted(name, identifierQuote());
    }

    /** Writes the quote, the name and the quote; a name holding the quote character goes through {@link #quoteName}, which doubles it. */
    @Override
    public void appendQuotedName(StringBuilder sql, String name) {
        char quote = identifierQuote();
        if (name.indexOf(quote) >= 0) {
            sql.append(quoteName(name));
        } else {
            sql.append(quote).append(name).append(quote);
        }
    }

    /**
     * {@code name} between two {@code quote} characters, a quote inside it doubled; remembered per
     * name (a schema has few names; at most {@value #QUOTED_NAMES} are kept), as SQL writing asks for
     * the same ones again and again.
     */
    protected final String quoted(String name, char quote) {
        String q = quotedNames.get(name);
        if (q == null) {
            String mark = String.valueOf(quote);
            q = mark + name.replace(mark, mark + mark) + mark;
            if (quotedNames.size() < QUOTED_NAMES) {
                quotedNames.put(name, q);
            }
        }
        return q;
    }

    @Override
    public void limitOffset(SqlWriter w, Long limit, Long offset) {
        if (limit != null) {
            w.sql(" LIMIT ").sql(Long.toString(limit));
        }
        if (offset != null && offset > 0) {
            w.sql(" OFFSET ").sql(Long.toString(offset));
        }
    }

    /** Escapes {@code \}, {@code %} and {@code _} so LIKE treats them as text. */
    public static String likeEscape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 4);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '%' || c == '_') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The LIKE pattern for literal text matched as {@code kind}. */
    public static String likePattern(String value, PatternKind kind) {
        String v = likeEscape(value);
        return switch (kind) {
            case CONTAINS -> "%" + v + "%";
            case STARTS_WITH -> v + "%";
            case ENDS_WITH -> "%" + v;
            case EXACT -> v;
        };
    }

    @Override
    public void patternMatch(SqlWriter w, Runnable lhs, String value, PatternKind kind, boolean caseInsensitive) {
        if (caseInsensitive) {
            w.sql("UPPER(");
            lhs.run();
            w.sql(") LIKE UPPER(").param(likePattern(value, kind)).sql(")");
        } else {
            lhs.run();
            w.sql(" LIKE ").param(likePattern(value, kind));
        }
        w.sql(" ESCAPE '\\'");
    }

    /** Standard {@code EXTRACT(part FROM x)} for the parts SQL names the same way; backends write the others. */
    @Override
    public void dateExtract(SqlWriter w, DatePart part, FieldType type, Runnable lhs) {
        switch (part) {
            case YEAR, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE, SECOND -> {
                w.sql("EXTRACT(").sql(part.name()).sql(" FROM ");
                lhs.run();
                w.sql(")");
            }
            default -> throw new IllegalArgumentException("This backend does not extract " + part);
        }
    }

    @Override
    public void orderTerm(SqlWriter w, Runnable expr, boolean descending, NullsOrder nulls) {
        if (nulls != NullsOrder.DEFAULT && !nullsOrdering) {
            // Emulation: (expr IS NULL) sorts false before true.
            w.sql("(");
            expr.run();
            w.sql(nulls == NullsOrder.LAST ? " IS NULL) ASC, " : " IS NULL) DESC, ");
        }
        expr.run();
        w.sql(descending ? " DESC" : " ASC");
        if (nulls != NullsOrder.DEFAULT && nullsOrdering) {
            w.sql(nulls == NullsOrder.LAST ? " NULLS LAST" : " NULLS FIRST");
        }
    }

    @Override
    public Object toDb(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof dev.quarry.spi.JsonText j) {
            return j.json();
        }
        if (value instanceof java.time.Duration d) {
            // Whole microseconds, as every backend stores a duration (already range-checked and cut).
            return d.getSeconds() * 1_000_000L + d.getNano() / 1000;
        }
        return value;
    }

    @Override
    public ColumnReader reader(FieldType type) {
        return switch (type) {
            case AUTO, BIGINT -> LongColumn.INSTANCE;
            case INTEGER, SMALLINT, POSITIVE_SMALLINT, POSITIVE_INTEGER -> narrow(type);
            case BOOLEAN -> (rs, i) -> {
                boolean v = rs.getBoolean(i);
                return !v && rs.wasNull() ? null : v; // as LongColumn: only false may be NULL
            };
            case FLOAT -> (rs, i) -> {
                double v = rs.getDouble(i);
                return v == 0 && rs.wasNull() ? null : v; // as LongColumn: only 0.0 (or -0.0) may be NULL
            };
            case DECIMAL -> ResultSet::getBigDecimal;
            case CHAR, TEXT -> ResultSet::getString;
            case DATE -> (rs, i) -> rs.getObject(i, LocalDate.class);
            case DATETIME -> (rs, i) -> {
                OffsetDateTime v = rs.getObject(i, OffsetDateTime.class);
                return v == null ? null : v.toInstant();
            };
            case UUID -> (rs, i) -> {
                String s = rs.getString(i);
                return s == null ? null : UUID.fromString(s);
            };
            case LOCAL_DATETIME -> (rs, i) -> rs.getObject(i, java.time.LocalDateTime.class);
            case TIME -> (rs, i) -> rs.getObject(i, java.time.LocalTime.class);
            case BINARY -> (rs, i) -> {
                byte[] v = rs.getBytes(i);
                // Some drivers give null for an empty BLOB; wasNull() still tells NULL apart.
                return v == null && !rs.wasNull() ? new byte[0] : v;
            };
            case JSON -> (rs, i) -> {
                String s = rs.getString(i);
                return s == null ? null : new dev.quarry.spi.JsonText(s);
            };
            case ARRAY -> (rs, i) -> {
                java.sql.Array a = rs.getArray(i);
                return a == null ? null : new dev.quarry.spi.SqlArray(null, java.util.Arrays.asList((Object[]) a.getArray()));
            };
            case DURATION -> (rs, i) -> {
                long v = rs.getLong(i);
                return v == 0 && rs.wasNull() ? null : java.time.Duration.of(v, java.time.temporal.ChronoUnit.MICROS);
            };
        };
    }

    /**
     * A reader of a column narrower than {@code bigint}: reads the whole value ({@code getInt} would
     * wrap 3,000,000,000, which SQLite lets an integer column hold) and refuses one outside the
     * kind's range instead of returning a different number.
     */
    private static ColumnReader narrow(FieldType type) {
        long min = type.minValue();
        long max = type.maxValue();
        return (rs, i) -> {
            long v = rs.getLong(i);
            if (v == 0 && rs.wasNull()) { // as LongColumn: only a 0 may be NULL
                return null;
            }
            if (v < min || v > max) {
                throw new dev.quarry.InvalidValueError(null, null, String.format("The %s column holds %d, outside its "
                        + "range (%d to %d); the row was written by something other than Quarry. Declare the field with a "
                        + "wider kind (BigIntegerField) or correct the row", type.name().toLowerCase(java.util.Locale.ROOT)
                        .replace('_', ' '), v, min, max));
            }
            return (int) v;
        };
    }

    /**
     * The SQL/JSON path of {@code path} as SQLite and MariaDB read it: {@code $."owner"."name"[0]}, each key
     * quoted (its quotes and backslashes escaped), so any key text is safe; bound as a parameter.
     */
    public static String jsonPath(java.util.List<Object> path) {
        StringBuilder out = new StringBuilder("$");
        for (Object p : path) {
            if (p instanceof Integer i) {
                out.append('[').append(i).append(']');
            } else {
                out.append(".\"");
                String key = (String) p;
                for (int k = 0; k < key.length(); k++) {
                    char c = key.charAt(k);
                    if (c == '"' || c == '\\') {
                        out.append('\\');
                    }
                    out.append(c);
                }
                out.append('"');
            }
        }
        return out.toString();
    }

    /** {@code s} as a JSON string literal, quotes, backslashes and control characters escaped. */
    public static String jsonString(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
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
        return out.append('"').toString();
    }

    /** Writes {@code json} followed by {@code path} as one bound SQL/JSON path: {@code name(json, ?)}. */
    protected static void jsonCall(SqlWriter w, String function, Runnable json, java.util.List<Object> path) {
        w.sql(function).sql("(");
        json.run();
        w.sql(", ").param(jsonPath(path)).sql(")");
    }

    @Override
    public String literal(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof dev.quarry.spi.TypedParameter t) {
            return literal(t.value());
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v instanceof BigDecimal b ? b.toPlainString() : v.toString();
        }
        if (v instanceof Instant i) {
            return "'" + i + "'";
        }
        if (v instanceof byte[] b) {
            return "X'" + java.util.HexFormat.of().formatHex(b) + "'";
        }
        return "'" + v.toString().replace("'", "''") + "'";
    }
}
