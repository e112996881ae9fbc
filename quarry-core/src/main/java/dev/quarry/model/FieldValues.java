package dev.quarry.model;

import dev.quarry.ImproperlyConfigured;
import dev.quarry.InvalidValueError;
import dev.quarry.internal.Excerpt;
import dev.quarry.spi.Feature;
import dev.quarry.spi.Features;
import dev.quarry.spi.FieldType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The one conversion from a user's value to what a field holds, per field kind (Django's
 * {@code to_python}): text to the field's type, numbers between widths with a range check, enums by
 * name. Annotation defaults, {@code create()}, lookup values and row loading all convert here, so
 * {@code "1"} means the same boolean everywhere and 3,000,000,000 never wraps into an {@code int}.
 *
 * <p>Assignment is strict: a value that is not the field's type, or cannot be converted to it, is an
 * {@link InvalidValueError}. Lookups convert only text and numbers (a value of another type, such as
 * an expression, is left to the lookup), and leave fractional numbers compared with whole-number
 * columns alone, since SQL compares them exactly.
 */
public final class FieldValues {
    /**
     * The first and last day a date or datetime field holds, on every backend: Django's (Python's)
     * range. SQLite compares dates as text, which orders only four-digit years, and MariaDB stores no
     * year past 9999 nor before year 0.
     */
    public static final LocalDate MIN_DATE = LocalDate.of(1, 1, 1);
    /** The last day a date or datetime field holds; see {@link #MIN_DATE}. */
    public static final LocalDate MAX_DATE = LocalDate.of(9999, 12, 31);
    private static final Instant MIN_INSTANT = MIN_DATE.atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant MAX_INSTANT = MAX_DATE.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1000);
    private static final String DATE_RANGE = "a date from " + MIN_DATE + " to " + MAX_DATE;
    private static final String INSTANT_RANGE = "an instant from " + MIN_INSTANT + " to " + MAX_INSTANT;
    private static final String BOOLEAN_FORMS = "expected true or false ('t', 'true', '1', 'f', 'false', '0', any case)";

    private FieldValues() {}

    /**
     * What field {@code f} holds for a user's {@code value}; an {@link InvalidValueError} naming the
     * model, the field and an excerpt of the value when it has no such form (including {@code null}
     * for a primitive field). Not for foreign keys: see {@link FieldMeta#assign}.
     */
    public static Object forField(FieldMeta f, Object value) {
        if (value == null) {
            if (f.primitive()) {
                throw new InvalidValueError(f.model().type(), f.name(), null, "a primitive " + f.javaType()
                        + " field cannot hold null (declare it with the boxed type and nullable = true)");
            }
            return null;
        }
        try {
            Object v = convert(value, f.type(), boxed(f.javaType()), true);
            if (v instanceof BigDecimal d && f.type() == FieldType.DECIMAL) {
                digits(d, f.options().maxDigits(), f.options().decimalPlaces());
            }
            return v;
        } catch (Rejected r) {
            throw new InvalidValueError(f.model().type(), f.name(), value, r.getMessage());
        }
    }

    /**
     * What field {@code f} writes for the value its Java field holds ({@code save()},
     * {@code bulkCreate()}, {@code update()}), checked before any SQL as the column would never
     * be: whole numbers against the column's range (an {@code @IntegerField long} may hold more than an
     * integer column), decimals against {@code maxDigits}/{@code decimalPlaces}, dates and instants
     * against {@link #MIN_DATE}..{@link #MAX_DATE}, NaN and infinities against what the database
     * stores ({@link Feature#FLOAT_NAN}, {@link Feature#FLOAT_INFINITY}). Instants are truncated to
     * microseconds, the precision every backend keeps (PostgreSQL would round the rest).
     * An {@link InvalidValueError} names the model and field. Values of other types pass unchanged.
     */
    public static Object forColumn(FieldMeta f, Object value, Features features) {
        if (value == null) {
            return null;
        }
        try {
            FieldType kind = f.type();
            if (kind.isIntegral() && isWhole(value)) {
                long l = ((Number) value).longValue();
                if (l < kind.minValue() || l > kind.maxValue()) {
                    throw new Rejected(wholeRange(kind.minValue(), kind.maxValue()) + " (" + describe(kind) + ")");
                }
                return value;
            }
            return switch (kind) {
                case DECIMAL -> {
                    if (value instanceof BigDecimal d) {
                        digits(d, f.options().maxDigits(), f.options().decimalPlaces());
                    }
                    yield value;
                }
                case FLOAT -> {
                    String problem = unstorable(value, features);
                    if (problem != null) {
                        throw new Rejected(problem);
                    }
                    yield value;
                }
                case DATE -> value instanceof LocalDate d ? inRange(d) : value;
                case DATETIME -> value instanceof Instant i ? inRange(i) : value;
                default -> value;
            };
        } catch (Rejected r) {
            throw new InvalidValueError(f.model().type(), f.name(), value, r.getMessage());
        }
    }

    /**
     * Why the database cannot store or compare {@code value}, or {@code null} when it can: a NaN or
     * an infinite {@code Double}/{@code Float} where {@code features} lacks {@link Feature#FLOAT_NAN}
     * or {@link Feature#FLOAT_INFINITY} (SQLite would store NaN as NULL, MariaDB refuses both).
     */
    public static String unstorable(Object value, Features features) {
        if (!(value instanceof Double || value instanceof Float)) {
            return null;
        }
        double d = ((Number) value).doubleValue();
        if (Double.isNaN(d) && !features.has(Feature.FLOAT_NAN)) {
            return "this database cannot store or compare NaN in a float column (it lacks Feature.FLOAT_NAN); "
                    + "use null for a missing number";
        }
        if (Double.isInfinite(d) && !features.has(Feature.FLOAT_INFINITY)) {
            return "this database cannot store or compare an infinite number in a float column (it lacks "
                    + "Feature.FLOAT_INFINITY); use null or a finite bound such as Double.MAX_VALUE";
        }
        return null;
    }

    /** The target key foreign key {@code fk} holds for a user's key value, in the type of the target's primary key. */
    /** A value for foreign key {@code fk}: converted to the target's key type, or refused naming the field. */
    public static Object forKey(FieldMeta fk, Object value) {
        if (value == null) {
            return null;
        }
        FieldMeta pk = fk.relation().target().pk();
        try {
            return convert(value, pk.type().referenceType(), boxed(pk.javaType()), true);
        } catch (Rejected r) {
            throw new InvalidValueError(fk.model().type(), fk.name(), value, r.getMessage()
                    + " (a key of " + pk.model().name() + ")");
        }
    }

    /**
     * A lookup value compared with a column of kind {@code kind}: text becomes the kind's type,
     * whole numbers are checked against the column's range, {@code 0}/{@code 1} become booleans for a
     * boolean column; anything else is returned unchanged. {@code subject} and {@code lookup} name the
     * left side in the {@link InvalidValueError}.
     */
    public static Object forLookup(Object value, FieldType kind, String subject, String lookup) {
        if (value == null || kind == null) {
            return value;
        }
        try {
            return convert(value, kind, null, false);
        } catch (Rejected r) {
            throw new InvalidValueError(null, subject, String.format("%s: %s for lookup '%s'; got %s", subject,
                    r.getMessage(), lookup, Excerpt.of(value)));
        }
    }

    /** A declared default, converted once at start-up; {@link ImproperlyConfigured} naming the field when invalid. */
    static Object forDefault(String owner, FieldType kind, Class<?> javaType, String text) {
        try {
            return convert(text, kind, boxed(javaType), true);
        } catch (Rejected r) {
            throw new ImproperlyConfigured(String.format("%s: defaultValue %s is not a valid %s value: %s", owner,
                    Excerpt.of(text), kind.name().toLowerCase(Locale.ROOT), r.getMessage()));
        }
    }

    /**
     * For loading rows: converts what the column reader returns for {@code f} to the width of its Java
     * field, with the same range check; {@code null} when the reader's type already fits. The returned
     * function allocates nothing beyond the boxed result.
     */
    public static UnaryOperator<Object> fromColumn(FieldMeta f) {
        Class<?> j = boxed(f.javaType());
        long lo = min(f.type(), j);
        long hi = max(f.type(), j);
        if (j == Integer.class) {
            return v -> v instanceof Integer || !(v instanceof Number n) ? v : Integer.valueOf((int) loaded(f, n, lo, hi));
        }
        if (j == Short.class) {
            return v -> v instanceof Short || !(v instanceof Number n) ? v : Short.valueOf((short) loaded(f, n, lo, hi));
        }
        if (j == Long.class) {
            return v -> v instanceof Long || !(v instanceof Number n) ? v : Long.valueOf(n.longValue());
        }
        if (j == Double.class) {
            return v -> v instanceof Double || !(v instanceof Number n) ? v : Double.valueOf(n.doubleValue());
        }
        if (j == Float.class) {
            return v -> v instanceof Float || !(v instanceof Number n) ? v : Float.valueOf(n.floatValue());
        }
        return null;
    }

    private static long loaded(FieldMeta f, Number n, long lo, long hi) {
        long l = n.longValue();
        if (l < lo || l > hi) {
            throw new InvalidValueError(f.model().type(), f.name(), n, "the column holds a value outside the range of "
                    + f.javaType().getSimpleName());
        }
        return l;
    }

    // ---- one rule per kind ----

    /** {@code j} is the boxed Java type to produce, or {@code null} for a lookup (the kind's own type). */
    private static Object convert(Object v, FieldType kind, Class<?> j, boolean strict) {
        return switch (kind) {
            case CHAR, TEXT -> text(v, strict);
            case BOOLEAN -> bool(v, strict);
            case FLOAT -> floating(v, j, strict);
            case DECIMAL -> decimal(v, strict);
            case DATE -> date(v, strict);
            case DATETIME -> instant(v, strict);
            case UUID -> uuid(v, strict);
            case AUTO, BIGINT, INTEGER, SMALLINT, POSITIVE_INTEGER, POSITIVE_SMALLINT -> integral(v, kind, j, strict);
        };
    }

    private static Object text(Object v, boolean strict) {
        if (v instanceof String) {
            return v;
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof CharSequence || v instanceof Character || v instanceof Number || v instanceof UUID) {
            return v.toString();
        }
        return other(v, strict, "expected text");
    }

    private static Object bool(Object v, boolean strict) {
        if (v instanceof Boolean) {
            return v;
        }
        if (v instanceof String s) {
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "t", "true", "1" -> Boolean.TRUE;
                case "f", "false", "0" -> Boolean.FALSE;
                default -> throw new Rejected(BOOLEAN_FORMS);
            };
        }
        if (isWhole(v)) {
            long l = ((Number) v).longValue();
            if (l == 0 || l == 1) {
                return l == 1;
            }
            throw new Rejected(BOOLEAN_FORMS);
        }
        return other(v, strict, BOOLEAN_FORMS);
    }

    private static Object integral(Object v, FieldType kind, Class<?> j, boolean strict) {
        long min = min(kind, j);
        long max = max(kind, j);
        String expected = wholeRange(min, max);
        long l;
        if (v instanceof String s) {
            try {
                l = Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                throw new Rejected(expected);
            }
        } else if (v instanceof BigInteger b) {
            if (b.bitLength() > 63) {
                throw new Rejected(expected);
            }
            l = b.longValue();
        } else if (isWhole(v)) {
            l = ((Number) v).longValue();
        } else if (v instanceof Number n) {
            if (!strict) {
                return v; // 2.5 against an integer column: SQL compares it exactly
            }
            BigDecimal d = n instanceof BigDecimal bd ? bd : finite(n.doubleValue(), expected);
            try {
                l = d.longValueExact();
            } catch (ArithmeticException e) {
                throw new Rejected(expected);
            }
        } else {
            return other(v, strict, expected);
        }
        if (l < min || l > max) {
            throw new Rejected(expected);
        }
        Class<?> target = j != null ? j : v instanceof String || v instanceof BigInteger ? natural(kind) : null;
        if (target == null || target.isInstance(v)) {
            return v;
        }
        return target == Short.class ? (Object) (short) l : target == Integer.class ? (Object) (int) l : (Object) l;
    }

    private static Object floating(Object v, Class<?> j, boolean strict) {
        double d;
        if (v instanceof String s) {
            try {
                d = Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw new Rejected("expected a number");
            }
        } else if (v instanceof Number n) {
            if (!strict || (j != null && j.isInstance(v))) {
                return v;
            }
            d = n.doubleValue();
        } else {
            return other(v, strict, "expected a number");
        }
        if (j == Float.class) {
            float f = (float) d;
            if (Float.isInfinite(f) && !Double.isInfinite(d)) {
                throw new Rejected("expected a number within the range of float");
            }
            return f;
        }
        return d;
    }

    private static Object decimal(Object v, boolean strict) {
        if (v instanceof BigDecimal) {
            return v;
        }
        if (v instanceof String s) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                throw new Rejected("expected a decimal number");
            }
        }
        if (v instanceof Number n && strict) {
            if (v instanceof BigInteger b) {
                return new BigDecimal(b);
            }
            return isWhole(v) ? BigDecimal.valueOf(n.longValue()) : finite(n.doubleValue(), "expected a finite number");
        }
        return v instanceof Number ? v : other(v, strict, "expected a decimal number");
    }

    private static Object date(Object v, boolean strict) {
        if (v instanceof LocalDate d) {
            return inRange(d);
        }
        if (v instanceof String s) {
            LocalDate d;
            try {
                d = LocalDate.parse(s.trim());
            } catch (DateTimeParseException e) {
                throw new Rejected("expected a date (YYYY-MM-DD)");
            }
            return inRange(d);
        }
        return other(v, strict, "expected a LocalDate or a date as text (YYYY-MM-DD)");
    }

    private static LocalDate inRange(LocalDate d) {
        if (d.isBefore(MIN_DATE) || d.isAfter(MAX_DATE)) {
            throw new Rejected("expected " + DATE_RANGE + ", the range every backend stores");
        }
        return d;
    }

    private static Object instant(Object v, boolean strict) {
        if (v instanceof Instant i) {
            return inRange(i);
        }
        if (v instanceof OffsetDateTime o) {
            return inRange(o.toInstant());
        }
        if (v instanceof ZonedDateTime z) {
            return inRange(z.toInstant());
        }
        if (v instanceof String s) {
            Instant i;
            try {
                i = Instant.parse(s.trim());
            } catch (DateTimeParseException e) {
                throw new Rejected("expected an instant with its offset (2024-02-29T13:45:10Z)");
            }
            return inRange(i);
        }
        return other(v, strict, "expected an Instant or an instant as text (2024-02-29T13:45:10Z)");
    }

    /** The instant at microsecond precision, when within the range every backend stores. */
    private static Instant inRange(Instant i) {
        if (i.isBefore(MIN_INSTANT) || i.isAfter(MAX_INSTANT.plusNanos(999))) {
            throw new Rejected("expected " + INSTANT_RANGE + ", the range every backend stores");
        }
        return i.getNano() % 1000 == 0 ? i : i.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Refuses a decimal that a column of {@code maxDigits} digits, {@code places} of them after the
     * point, cannot hold exactly: too many whole digits would overflow it, and more decimal places
     * would be rounded (by PostgreSQL and MariaDB) or kept (by SQLite). Trailing zeros do not count.
     */
    private static void digits(BigDecimal d, int maxDigits, int places) {
        BigDecimal s = d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
        int scale = Math.max(s.scale(), 0);
        int whole = s.precision() - s.scale();
        if (scale > places) {
            throw new Rejected(String.format("expected at most %d decimal places (a DecimalField with maxDigits = %d, "
                    + "decimalPlaces = %d); round it first, e.g. setScale(%d, RoundingMode.HALF_EVEN)", places, maxDigits,
                    places, places));
        }
        if (whole > maxDigits - places) {
            throw new Rejected(String.format("expected at most %d digits before the decimal point (a DecimalField with "
                    + "maxDigits = %d, decimalPlaces = %d)", maxDigits - places, maxDigits, places));
        }
    }

    private static Object uuid(Object v, boolean strict) {
        if (v instanceof UUID) {
            return v;
        }
        if (v instanceof String s) {
            String t = s.trim();
            try {
                UUID u = UUID.fromString(t);
                // fromString accepts short groups ("1-2-3-4-5"); only the canonical form is a UUID.
                if (u.toString().equalsIgnoreCase(t)) {
                    return u;
                }
            } catch (IllegalArgumentException e) {
                // falls through to the refusal
            }
            throw new Rejected("expected a UUID (123e4567-e89b-12d3-a456-426614174000)");
        }
        return other(v, strict, "expected a UUID");
    }

    // ---- helpers ----

    /** A value of a type this kind has no rule for: refused when assigning, left to the lookup otherwise. */
    private static Object other(Object v, boolean strict, String expected) {
        if (strict) {
            throw new Rejected(expected);
        }
        return v;
    }

    private static boolean isWhole(Object v) {
        return v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte;
    }

    private static BigDecimal finite(double d, String expected) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new Rejected(expected);
        }
        return BigDecimal.valueOf(d);
    }

    /** The smallest whole number both the column of this kind and the Java type {@code j} (if any) hold. */
    private static long min(FieldType kind, Class<?> j) {
        return Math.max(kind.minValue(), j == null ? Long.MIN_VALUE : lowest(j));
    }

    /** The largest whole number both the column of this kind and the Java type {@code j} (if any) hold. */
    private static long max(FieldType kind, Class<?> j) {
        return Math.min(kind.maxValue(), j == null ? Long.MAX_VALUE : -(lowest(j) + 1));
    }

    private static String wholeRange(long min, long max) {
        return min == Long.MIN_VALUE && max == Long.MAX_VALUE ? "expected a whole number"
                : "expected a whole number from " + min + " to " + max;
    }

    private static String describe(FieldType kind) {
        return switch (kind) {
            case SMALLINT -> "a smallint column";
            case POSITIVE_SMALLINT -> "a positive smallint column";
            case INTEGER -> "an integer column";
            case POSITIVE_INTEGER -> "a positive integer column";
            default -> "a bigint column";
        };
    }

    private static long lowest(Class<?> j) {
        return j == Short.class ? Short.MIN_VALUE : j == Integer.class ? Integer.MIN_VALUE : Long.MIN_VALUE;
    }

    /** The Java type of a whole-number column of this kind, by its storage width. */
    private static Class<?> natural(FieldType kind) {
        return switch (kind) {
            case SMALLINT, POSITIVE_SMALLINT -> Short.class;
            case INTEGER, POSITIVE_INTEGER -> Integer.class;
            default -> Long.class;
        };
    }

    static Class<?> boxed(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        return c == int.class ? Integer.class : c == long.class ? Long.class : c == short.class ? Short.class
                : c == boolean.class ? Boolean.class : c == double.class ? Double.class : c == float.class ? Float.class
                : c == byte.class ? Byte.class : c == char.class ? Character.class : Void.class;
    }

    /** Why a value was refused; carries no stack trace, since it is always turned into a user-facing error. */
    private static final class Rejected extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Rejected(String problem) {
            super(problem, null, false, false);
        }
    }
}
