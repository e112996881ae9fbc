package dev.quarry.model;

import static dev.quarry.model.Conversions.*;

import dev.quarry.ImproperlyConfigured;
import dev.quarry.InvalidValueError;
import dev.quarry.internal.Excerpt;
import dev.quarry.spi.Feature;
import dev.quarry.spi.Features;
import dev.quarry.spi.FieldType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
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
    static final Instant MIN_INSTANT = MIN_DATE.atStartOfDay(ZoneOffset.UTC).toInstant();
    static final Instant MAX_INSTANT = MAX_DATE.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1000);
    static final String DATE_RANGE = "a date from " + MIN_DATE + " to " + MAX_DATE;
    static final String INSTANT_RANGE = "an instant from " + MIN_INSTANT + " to " + MAX_INSTANT;
    static final String BOOLEAN_FORMS = "expected true or false ('t', 'true', '1', 'f', 'false', '0', any case)";

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
            if (f.converter() != null) {
                return Converters.assign(f.converter(), value, f.type());
            }
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
            if (f.converter() != null && f.converter().javaType().isInstance(value)) {
                value = f.converter().toStored(value);
            }
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
                        if (!features.has(Feature.EXACT_DECIMALS) && !Conversions.keptByDouble(d)) {
                            throw new Rejected("a decimal this database keeps exactly: its decimal columns hold 64-bit "
                                    + "floats, exact to 15 significant digits, and this "
                                    + "value has " + d.stripTrailingZeros().precision() + "; round it, or use a database with "
                                    + "exact decimals (PostgreSQL, MariaDB)");
                        }
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
                case LOCAL_DATETIME -> value instanceof java.time.LocalDateTime t ? Times.inRange(t) : value;
                case TIME -> value instanceof java.time.LocalTime t ? Times.micros(t) : value;
                case DURATION -> value instanceof java.time.Duration d ? Times.inRange(d) : value;
                case JSON -> value instanceof dev.quarry.spi.JsonText t ? JsonConverter.storable(t, features) : value;
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
        return forDefault(owner, kind, javaType, text, null);
    }

    /** As {@link #forDefault(String, FieldType, Class, String)}, for a field whose values go through {@code converter}. */
    static Object forDefault(String owner, FieldType kind, Class<?> javaType, String text, ValueConverter converter) {
        try {
            if (converter != null) {
                return Converters.fromDefault(converter, text, kind);
            }
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
        return toPlaces(f);
    }

    /**
     * For a {@code DECIMAL} field read as a {@code BigDecimal}: the value with the field's decimal places, as
     * Django quantizes it (SQLite keeps 12.50 as the REAL 12.5 and 12.00 as the INTEGER 12; PostgreSQL and
     * MariaDB give the column's scale already); a value with more places is rounded half-even. {@code null}
     * for any other field.
     */
    public static UnaryOperator<Object> toPlaces(FieldMeta f) {
        if (f.type() != FieldType.DECIMAL || boxed(f.javaType()) != BigDecimal.class || f.options().decimalPlaces() < 0) {
            return null;
        }
        int places = f.options().decimalPlaces();
        return v -> v instanceof BigDecimal d && d.scale() != places ? d.setScale(places, java.math.RoundingMode.HALF_EVEN) : v;
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

}
