package dev.quarry.query;

import dev.quarry.FieldError;
import dev.quarry.InvalidValueError;
import dev.quarry.spi.FieldType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * Which Java types can hold the values of a column kind, and the conversion of a value read from
 * the database to the type a caller asked for ({@code valuesList("title", String.class)},
 * {@code count(...)} as {@code Long}, {@code annotation("n", Integer.class)}). Widening is free;
 * narrowing checks the range, never wraps.
 */
public final class ValueTypes {
    private static final Set<Class<?>> INTEGRAL = Set.of(Long.class, Integer.class, Short.class, BigInteger.class,
            BigDecimal.class, Double.class);

    private ValueTypes() {}

    /** The Java type a column reader returns for this kind. */
    public static Class<?> natural(FieldType type) {
        return switch (type) {
            case AUTO, BIGINT -> Long.class;
            case INTEGER, POSITIVE_INTEGER -> Integer.class;
            case SMALLINT, POSITIVE_SMALLINT -> Integer.class;
            case FLOAT -> Double.class;
            case DECIMAL -> BigDecimal.class;
            case CHAR, TEXT -> String.class;
            case BOOLEAN -> Boolean.class;
            case DATE -> LocalDate.class;
            case DATETIME -> Instant.class;
            case UUID -> UUID.class;
            case LOCAL_DATETIME -> java.time.LocalDateTime.class;
            case TIME -> java.time.LocalTime.class;
            case DURATION -> java.time.Duration.class;
            case BINARY -> byte[].class;
            case JSON -> Object.class;
            case ARRAY -> java.util.List.class;
        };
    }

    /**
     * The column kind whose values a Java type holds ({@code Integer} an integer, {@code String} text,
     * {@code Instant} a date-time), or {@code null} for a type Quarry cannot bind.
     */
    public static FieldType kindOf(Class<?> type) {
        Class<?> c = boxed(type);
        if (c == Integer.class || c == Short.class || c == Byte.class) {
            return FieldType.INTEGER;
        }
        if (c == Long.class || c == BigInteger.class) {
            return FieldType.BIGINT;
        }
        if (c == Double.class || c == Float.class) {
            return FieldType.FLOAT;
        }
        if (c == BigDecimal.class) {
            return FieldType.DECIMAL;
        }
        if (c == String.class || c.isEnum()) {
            return FieldType.TEXT;
        }
        if (c == Boolean.class) {
            return FieldType.BOOLEAN;
        }
        if (c == LocalDate.class) {
            return FieldType.DATE;
        }
        if (c == Instant.class) {
            return FieldType.DATETIME;
        }
        if (c == java.time.LocalTime.class) {
            return FieldType.TIME;
        }
        if (c == UUID.class) {
            return FieldType.UUID;
        }
        return null;
    }

    /** Whether values of this kind can be given as {@code requested}. */
    public static boolean accepts(FieldType type, Class<?> requested) {
        Class<?> r = boxed(requested);
        if (r == Object.class || r == natural(type)) {
            return true;
        }
        if (type.isIntegral()) {
            return r == Number.class || INTEGRAL.contains(r);
        }
        if (type == FieldType.FLOAT) {
            return r == Number.class || r == Float.class || r == BigDecimal.class;
        }
        if (type == FieldType.DECIMAL) {
            return r == Number.class || r == Double.class;
        }
        return false;
    }

    /**
     * As {@link #check(FieldType, Class, String, String)} for the values of {@code e}: the column of a field
     * with a converter (an enum, a user type) holds values of the field's Java type, which it accepts.
     */
    public static void check(dev.quarry.query.expr.Expr e, Class<?> requested, String subject, String where) {
        if (e instanceof dev.quarry.query.expr.Col c && c.field() != null && c.field().converter() != null) {
            Class<?> j = c.field().converter().javaType();
            if (boxed(requested) == Object.class || boxed(requested).isAssignableFrom(j)) {
                return;
            }
            throw new FieldError(null, subject, String.format("%s: %s holds %s values, which %s cannot hold. Use %s.class "
                    + "(or Object.class)", where, subject, j.getSimpleName(), requested.getSimpleName(), j.getSimpleName()));
        }
        check(e.outputType(), requested, subject, where);
    }

    /** Throws a {@link FieldError} naming {@code where} when values of this kind cannot be given as {@code requested}. */
    public static void check(FieldType type, Class<?> requested, String subject, String where) {
        check(null, type, requested, subject, where);
    }

    /** As {@link #check(FieldType, Class, String, String)}, naming {@code model} in the error. */
    public static void check(Class<?> model, FieldType type, Class<?> requested, String subject, String where) {
        if (!accepts(type, requested)) {
            throw new FieldError(model, subject, String.format("%s: %s holds %s values, which %s cannot hold. Use %s.class "
                    + "(or Object.class)", where, subject, natural(type).getSimpleName(), requested.getSimpleName(),
                    natural(type).getSimpleName()));
        }
    }

    /** {@code value} (as read from the database) as {@code type}; numbers convert when the value fits. */
    public static <V> V convert(Object value, Class<V> type, String subject) {
        Class<?> target = boxed(type);
        if (value == null || target.isInstance(value)) {
            @SuppressWarnings("unchecked")
            V v = (V) value;
            return v;
        }
        Object out = null;
        if (value instanceof Number n) {
            out = number(n, target, subject);
        }
        if (out == null) {
            throw new FieldError(null, subject, String.format("%s holds %s values; cannot give one as %s",
                    subject, value.getClass().getSimpleName(), type.getSimpleName()));
        }
        @SuppressWarnings("unchecked")
        V v = (V) out;
        return v;
    }

    private static Object number(Number n, Class<?> target, String subject) {
        if (target == Double.class) {
            return n.doubleValue();
        }
        if (target == Float.class) {
            return n.floatValue();
        }
        if (target == BigDecimal.class) {
            return n instanceof BigInteger b ? new BigDecimal(b) : n instanceof Double || n instanceof Float
                    ? BigDecimal.valueOf(n.doubleValue()) : new BigDecimal(n.toString());
        }
        if (target == BigInteger.class) {
            return new BigInteger(integral(n, subject).toString());
        }
        if (target != Long.class && target != Integer.class && target != Short.class) {
            return null;
        }
        long v = integral(n, subject).longValue();
        if (target == Integer.class && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)) {
            throw new InvalidValueError(null, subject, n, "out of range for Integer");
        }
        if (target == Short.class && (v < Short.MIN_VALUE || v > Short.MAX_VALUE)) {
            throw new InvalidValueError(null, subject, n, "out of range for Short");
        }
        return target == Long.class ? (Object) v : target == Integer.class ? (Object) (int) v : (Object) (short) v;
    }

    private static Number integral(Number n, String subject) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (d != Math.rint(d) || Double.isInfinite(d)) {
                throw new InvalidValueError(null, subject, n, "not a whole number");
            }
            return (long) d;
        }
        if (n instanceof BigDecimal b) {
            try {
                return b.toBigIntegerExact();
            } catch (ArithmeticException e) {
                throw new InvalidValueError(null, subject, n, "not a whole number");
            }
        }
        if (n instanceof BigInteger b && b.bitLength() > 63) {
            throw new InvalidValueError(null, subject, n, "out of range for Long");
        }
        return n;
    }

    private static Class<?> boxed(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        return c == int.class ? Integer.class : c == long.class ? Long.class : c == short.class ? Short.class
                : c == double.class ? Double.class : c == float.class ? Float.class : c == boolean.class ? Boolean.class
                : c;
    }
}
