package dev.quarry.expr;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Static factories for Quarry's database functions, with Django's names and semantics:
 * {@code lower("name")}, {@code coalesce("nickname", "name")}, {@code extract("published", "year")},
 * {@code rowNumber()}. Where an argument is an expression, a {@code String} names a field and any
 * other Java value is a constant ({@link Value}); where it is text to search or insert
 * ({@code replace}, {@code strIndex}), a {@code String} is that text. Each backend writes each
 * function its own way; the results are the same on every database.
 */
public final class Functions {
    /** The date parts {@link #extract} accepts, in Django's spelling. */
    public static final List<String> DATE_PARTS = List.of("year", "iso_year", "quarter", "month", "week", "week_day",
            "iso_week_day", "day", "hour", "minute", "second");

    /** The kinds {@link #trunc} accepts, in Django's spelling. */
    public static final List<String> TRUNC_KINDS = List.of("year", "quarter", "month", "week", "day", "hour", "minute",
            "second", "date", "time");

    private Functions() {}

    // ----- comparison and conversion -----

    /** The expression converted to {@code type}'s column kind ({@code Integer}, {@code Long}, {@code Double}, {@code BigDecimal}, {@code String}, {@code LocalDate}, {@code Instant}, {@code Boolean}). */
    public static <V> Func<V> cast(Object expression, Class<V> type) {
        return Func.builtIn("Cast", type, expression);
    }

    /** The first argument that is not NULL. */
    public static Func<Object> coalesce(Object first, Object second, Object... more) {
        return Func.builtIn("Coalesce", Object.class, all(first, second, more));
    }

    /** The largest argument; NULL when any argument is NULL, on every database (PostgreSQL alone would skip NULLs). */
    public static Func<Object> greatest(Object first, Object second, Object... more) {
        return Func.builtIn("Greatest", Object.class, all(first, second, more));
    }

    /** The smallest argument; NULL when any argument is NULL, on every database. */
    public static Func<Object> least(Object first, Object second, Object... more) {
        return Func.builtIn("Least", Object.class, all(first, second, more));
    }

    /** NULL when the two are equal, else the first. */
    public static Func<Object> nullIf(Object first, Object second) {
        return Func.builtIn("NullIf", Object.class, first, second);
    }

    // ----- text -----

    /** The text in lower case. */
    public static Func<String> lower(Object expression) {
        return Func.builtIn("Lower", String.class, expression);
    }

    /** The text in upper case. */
    public static Func<String> upper(Object expression) {
        return Func.builtIn("Upper", String.class, expression);
    }

    /** The number of characters of the text. */
    public static Func<Integer> length(Object expression) {
        return Func.builtIn("Length", Integer.class, expression);
    }

    /** The texts joined; a NULL part counts as empty text, on every database. */
    public static Func<String> concat(Object first, Object second, Object... more) {
        return Func.builtIn("Concat", String.class, all(first, second, more));
    }

    /** The text from character {@code position} (1-based) to its end. */
    public static Func<String> substr(Object expression, int position) {
        return Func.builtIn("Substr", String.class, expression, Value.of(position));
    }

    /** {@code length} characters of the text from character {@code position} (1-based). */
    public static Func<String> substr(Object expression, int position, int length) {
        return Func.builtIn("Substr", String.class, expression, Value.of(position), Value.of(length));
    }

    /** The text without leading and trailing spaces. */
    public static Func<String> trim(Object expression) {
        return Func.builtIn("Trim", String.class, expression);
    }

    /** The text with every {@code text} replaced by {@code replacement}; a {@code String} here is text, not a field. */
    public static Func<String> replace(Object expression, Object text, Object replacement) {
        return Func.builtIn("Replace", String.class, expression, Args.value(text), Args.value(replacement));
    }

    /** The 1-based position of {@code substring} in the text, 0 when absent; a {@code String} substring is text, not a field. */
    public static Func<Integer> strIndex(Object expression, Object substring) {
        return Func.builtIn("StrIndex", Integer.class, expression, Args.value(substring));
    }

    // ----- math -----

    /** The absolute value. */
    public static Func<Object> abs(Object expression) {
        return Func.builtIn("Abs", Object.class, expression);
    }

    /** The number rounded to the nearest whole number (halves away from zero). */
    public static Func<Object> round(Object expression) {
        return Func.builtIn("Round", Object.class, expression);
    }

    /** The smallest whole number not less than the number. */
    public static Func<Object> ceil(Object expression) {
        return Func.builtIn("Ceil", Object.class, expression);
    }

    /** The largest whole number not greater than the number. */
    public static Func<Object> floor(Object expression) {
        return Func.builtIn("Floor", Object.class, expression);
    }

    /** The remainder of {@code dividend} divided by {@code divisor}. */
    public static Func<Object> mod(Object dividend, Object divisor) {
        return Func.builtIn("Mod", Object.class, dividend, divisor);
    }

    /** {@code base} raised to {@code exponent}. */
    public static Func<Object> power(Object base, Object exponent) {
        return Func.builtIn("Power", Object.class, base, exponent);
    }

    // ----- dates -----

    /** The current date and time of the database server, as an {@code Instant}. */
    public static Func<Instant> now() {
        return Func.builtIn("Now", Instant.class);
    }

    /** A part of a date or date-time as a whole number: one of {@link #DATE_PARTS} (Django's {@code Extract}). */
    public static Func<Integer> extract(Object expression, String part) {
        return Func.builtIn("Extract" + camel(check(part, DATE_PARTS, "extract")), Integer.class, expression);
    }

    /**
     * A date or date-time cut down to the start of its year, quarter, month, week (Monday), day,
     * hour, minute or second, of the same type; {@code "date"} and {@code "time"} give the date or
     * the time of day of a date-time (Django's {@code Trunc}, {@code TruncDate}, {@code TruncTime}).
     */
    public static Func<Object> trunc(Object expression, String kind) {
        return Func.builtIn("Trunc" + camel(check(kind, TRUNC_KINDS, "trunc")), Object.class, expression);
    }

    // ----- window functions (inside Window.of(...)) -----

    /** The number of the row in its partition, from 1. */
    public static Func<Long> rowNumber() {
        return Func.builtIn("RowNumber", Long.class);
    }

    /** The rank of the row in its partition, with gaps after ties. */
    public static Func<Long> rank() {
        return Func.builtIn("Rank", Long.class);
    }

    /** The rank of the row in its partition, without gaps. */
    public static Func<Long> denseRank() {
        return Func.builtIn("DenseRank", Long.class);
    }

    /** The relative rank of the row, {@code (rank - 1) / (rows - 1)}, from 0 to 1. */
    public static Func<Double> percentRank() {
        return Func.builtIn("PercentRank", Double.class);
    }

    /** The share of the partition's rows ordered before or with this one, from 0 to 1. */
    public static Func<Double> cumeDist() {
        return Func.builtIn("CumeDist", Double.class);
    }

    /** Which of {@code buckets} nearly equal groups of the partition the row falls in, from 1. */
    public static Func<Long> ntile(int buckets) {
        if (buckets <= 0) {
            throw new dev.quarry.QueryError("ntile() needs a positive number of buckets; got " + buckets);
        }
        return Func.builtIn("Ntile", Long.class, Value.of(buckets));
    }

    /** The value of {@code expression} one row before this one in the partition (NULL for the first). */
    public static Func<Object> lag(Object expression) {
        return Func.builtIn("Lag", Object.class, expression);
    }

    /** The value of {@code expression} {@code offset} rows before, or {@code defaultValue} (a constant or expression) where there is none. */
    public static Func<Object> lag(Object expression, int offset, Object defaultValue) {
        return Func.builtIn("Lag", Object.class, expression, Value.of(offset("lag", offset)), Args.value(defaultValue));
    }

    /** The value of {@code expression} one row after this one in the partition (NULL for the last). */
    public static Func<Object> lead(Object expression) {
        return Func.builtIn("Lead", Object.class, expression);
    }

    /** The value of {@code expression} {@code offset} rows after, or {@code defaultValue} where there is none. */
    public static Func<Object> lead(Object expression, int offset, Object defaultValue) {
        return Func.builtIn("Lead", Object.class, expression, Value.of(offset("lead", offset)), Args.value(defaultValue));
    }

    private static int offset(String function, int offset) {
        if (offset <= 0) {
            throw new dev.quarry.QueryError(function + "() needs an offset of 1 or more rows (as Django's 'offset must be "
                    + "greater than 0'); got " + offset + ". To read the other direction, use "
                    + (function.equals("lag") ? "lead" : "lag") + "(...)");
        }
        return offset;
    }

    /** The value of {@code expression} in the first row of the window frame. */
    public static Func<Object> firstValue(Object expression) {
        return Func.builtIn("FirstValue", Object.class, expression);
    }

    /** The value of {@code expression} in the last row of the window frame. */
    public static Func<Object> lastValue(Object expression) {
        return Func.builtIn("LastValue", Object.class, expression);
    }

    /** The value of {@code expression} in row {@code n} (from 1) of the window frame. */
    public static Func<Object> nthValue(Object expression, int n) {
        if (n <= 0) {
            throw new dev.quarry.QueryError("nthValue() needs a row number of 1 or more; got " + n);
        }
        return Func.builtIn("NthValue", Object.class, expression, Value.of(n));
    }

    private static Object[] all(Object first, Object second, Object... more) {
        Object[] out = new Object[2 + more.length];
        out[0] = first;
        out[1] = second;
        System.arraycopy(more, 0, out, 2, more.length);
        return out;
    }

    private static String check(String name, List<String> choices, String function) {
        if (name == null || !choices.contains(name.toLowerCase(Locale.ROOT))) {
            throw new dev.quarry.QueryError(function + "() takes one of " + String.join(", ", choices) + "; got "
                    + dev.quarry.internal.Excerpt.of(name));
        }
        return name.toLowerCase(Locale.ROOT);
    }

    private static String camel(String snake) {
        StringBuilder out = new StringBuilder();
        for (String part : snake.split("_")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }
}
