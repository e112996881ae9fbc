package dev.quarry.model;

import static dev.quarry.model.FieldValues.*;

import dev.quarry.spi.FieldType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

/**
 * The rules of {@link FieldValues}, one per field kind: text, booleans, whole numbers (with the
 * column's and the Java field's range), floats, decimals (digits and places), dates and instants
 * (the range every backend stores, microsecond precision), UUIDs. Each takes a value and returns the
 * kind's Java value, or throws {@link Rejected} saying what was expected; {@link FieldValues} turns
 * that into an error naming the model and field.
 */
final class Conversions {
    private Conversions() {}

    /** {@code j} is the boxed Java type to produce, or {@code null} for a lookup (the kind's own type). */
    static Object convert(Object v, FieldType kind, Class<?> j, boolean strict) {
        return switch (kind) {
            case CHAR, TEXT -> text(v, strict);
            case BOOLEAN -> bool(v, strict);
            case FLOAT -> floating(v, j, strict);
            case DECIMAL -> decimal(v, strict);
            case DATE -> date(v, strict);
            case DATETIME -> instant(v, strict);
            case UUID -> uuid(v, strict);
            case LOCAL_DATETIME -> Times.localDateTime(v, strict);
            case TIME -> Times.time(v, strict);
            case DURATION -> Times.duration(v, strict);
            case BINARY -> bytes(v, strict);
            case JSON -> v;
            case ARRAY -> array(v);
            case AUTO, BIGINT, INTEGER, SMALLINT, POSITIVE_INTEGER, POSITIVE_SMALLINT -> integral(v, kind, j, strict);
        };
    }

    /** An array lookup value: a stored array, or a collection whose elements the lookup's backend binds as they are. */
    private static Object array(Object v) {
        if (v instanceof dev.quarry.spi.SqlArray) {
            return v;
        }
        if (v instanceof java.util.Collection<?> c) {
            return new dev.quarry.spi.SqlArray(null, new java.util.ArrayList<>(c));
        }
        throw new Rejected("a List");
    }

    /** A time of day ({@code __time} lookups): a {@code LocalTime}, or its ISO text; cut to microseconds. */
    static Object time(Object v) {
        java.time.LocalTime t;
        if (v instanceof java.time.LocalTime lt) {
            t = lt;
        } else if (v instanceof String s) {
            try {
                t = java.time.LocalTime.parse(s);
            } catch (java.time.format.DateTimeParseException e) {
                throw new Rejected("a time of day such as 10:30 or 10:30:00.5");
            }
        } else {
            throw new Rejected("a LocalTime");
        }
        return t.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    static Object text(Object v, boolean strict) {
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

    static Object bool(Object v, boolean strict) {
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

    static Object integral(Object v, FieldType kind, Class<?> j, boolean strict) {
        long min = min(kind, j);
        long max = max(kind, j);
        long l;
        if (isWhole(v)) { // the common case first; the message's text is only made when a value is refused
            l = ((Number) v).longValue();
        } else if (v instanceof String s) {
            try {
                l = Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                throw new Rejected(wholeRange(min, max));
            }
        } else if (v instanceof BigInteger b) {
            if (b.bitLength() > 63) {
                throw new Rejected(wholeRange(min, max));
            }
            l = b.longValue();
        } else if (v instanceof Number n) {
            if (!strict) {
                return v; // 2.5 against an integer column: SQL compares it exactly
            }
            BigDecimal d = n instanceof BigDecimal bd ? bd : finite(n.doubleValue(), wholeRange(min, max));
            try {
                l = d.longValueExact();
            } catch (ArithmeticException e) {
                throw new Rejected(wholeRange(min, max));
            }
        } else {
            if (strict) {
                throw new Rejected(wholeRange(min, max));
            }
            return v;
        }
        if (l < min || l > max) {
            throw new Rejected(wholeRange(min, max));
        }
        // A lookup value takes the column's own width (int4 for an integer column, not int8), so the
        // database compares like with like and can use the column's index (issue 13).
        Class<?> target = j != null ? j : natural(kind);
        if (target.isInstance(v)) {
            return v;
        }
        return target == Short.class ? (Object) (short) l : target == Integer.class ? (Object) (int) l : (Object) l;
    }

    static Object floating(Object v, Class<?> j, boolean strict) {
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

    static Object decimal(Object v, boolean strict) {
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

    static Object date(Object v, boolean strict) {
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

    static LocalDate inRange(LocalDate d) {
        if (d.isBefore(MIN_DATE) || d.isAfter(MAX_DATE)) {
            throw new Rejected("expected " + DATE_RANGE + ", the range every backend stores");
        }
        return d;
    }

    static Object instant(Object v, boolean strict) {
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
                try {
                    i = OffsetDateTime.parse(s.trim()).toInstant();
                } catch (DateTimeParseException e2) {
                    throw new Rejected("expected an instant with its offset (2024-02-29T13:45:10Z)");
                }
            }
            return inRange(i);
        }
        if (v instanceof java.time.LocalDateTime) {
            // Django warns and guesses a zone for a naive value; Quarry cannot guess, in lookups either.
            throw new Rejected("expected an instant with its offset; a LocalDateTime names no instant (use "
                    + "atOffset(...) or atZone(...), or declare the field as LocalDateTime)");
        }
        return other(v, strict, "expected an Instant or an instant as text (2024-02-29T13:45:10Z)");
    }

    /** The instant at microsecond precision, when within the range every backend stores. */
    static Instant inRange(Instant i) {
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
    static void digits(BigDecimal d, int maxDigits, int places) {
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

    /**
     * Whether a database that keeps decimals as 64-bit floats (SQLite's NUMERIC affinity turns decimal text into
     * a REAL when its first 15 digits survive) stores {@code d} exactly: at most 15 significant digits.
     */
    static boolean keptByDouble(BigDecimal d) {
        return d.signum() == 0 || d.stripTrailingZeros().precision() <= 15;
    }

    static Object uuid(Object v, boolean strict) {
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

    /** Bytes as they are; text as hexadecimal digits (the form of a declared default). */
    static Object bytes(Object v, boolean strict) {
        if (v instanceof byte[]) {
            return v;
        }
        if (v instanceof String s && strict) {
            try {
                return java.util.HexFormat.of().parseHex(s.trim());
            } catch (IllegalArgumentException e) {
                throw new Rejected("expected bytes (byte[]) or hexadecimal digits (\"cafe01\")");
            }
        }
        return other(v, strict, "expected bytes (byte[])");
    }

    // ---- helpers ----

    /** A value of a type this kind has no rule for: refused when assigning, left to the lookup otherwise. */
    static Object other(Object v, boolean strict, String expected) {
        if (strict) {
            throw new Rejected(expected);
        }
        return v;
    }

    static boolean isWhole(Object v) {
        return v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte;
    }

    static BigDecimal finite(double d, String expected) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new Rejected(expected);
        }
        return BigDecimal.valueOf(d);
    }

    /** The smallest whole number both the column of this kind and the Java type {@code j} (if any) hold. */
    static long min(FieldType kind, Class<?> j) {
        return Math.max(kind.minValue(), j == null ? Long.MIN_VALUE : lowest(j));
    }

    /** The largest whole number both the column of this kind and the Java type {@code j} (if any) hold. */
    static long max(FieldType kind, Class<?> j) {
        return Math.min(kind.maxValue(), j == null ? Long.MAX_VALUE : -(lowest(j) + 1));
    }

    static String wholeRange(long min, long max) {
        return min == Long.MIN_VALUE && max == Long.MAX_VALUE ? "expected a whole number"
                : "expected a whole number from " + min + " to " + max;
    }

    static String describe(FieldType kind) {
        return switch (kind) {
            case SMALLINT -> "a smallint column";
            case POSITIVE_SMALLINT -> "a positive smallint column";
            case INTEGER -> "an integer column";
            case POSITIVE_INTEGER -> "a positive integer column";
            default -> "a bigint column";
        };
    }

    static long lowest(Class<?> j) {
        return j == Short.class ? Short.MIN_VALUE : j == Integer.class ? Integer.MIN_VALUE : Long.MIN_VALUE;
    }

    /** The Java type of a whole-number column of this kind, by its storage width. */
    static Class<?> natural(FieldType kind) {
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
    static final class Rejected extends RuntimeException {
        static final long serialVersionUID = 1L;

        Rejected(String problem) {
            super(problem, null, false, false);
        }
    }
}
