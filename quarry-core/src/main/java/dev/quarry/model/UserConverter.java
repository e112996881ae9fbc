package dev.quarry.model;

import dev.quarry.FieldConverter;
import dev.quarry.ImproperlyConfigured;
import dev.quarry.spi.FieldType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;

/**
 * A user's {@link FieldConverter} as a {@link ValueConverter}: its two types are read from its class at
 * start-up and checked against the field's Java type and the column kind; the stored value is given to it
 * in its own database type ({@code Long} for an {@code Integer} column reader's value, ...); exceptions and
 * {@code null} results are refusals naming the converter, never the value.
 */
final class UserConverter implements ValueConverter {
    private final FieldConverter<Object, Object> converter;
    private final String name;
    private final Class<?> javaType;
    private final Class<?> dbType;
    private final FieldType kind;

    @SuppressWarnings("unchecked")
    private UserConverter(FieldConverter<?, ?> converter, Class<?> javaType, Class<?> dbType, FieldType kind) {
        this.converter = (FieldConverter<Object, Object>) converter;
        this.name = converter.getClass().getSimpleName();
        this.javaType = javaType;
        this.dbType = dbType;
        this.kind = kind;
    }

    /** The converter of class {@code type} for a field of Java type {@code field} in a column of kind {@code kind}. */
    static UserConverter of(String owner, Class<? extends FieldConverter<?, ?>> type, Class<?> field, FieldType kind) {
        Class<?>[] types = typeArguments(type);
        if (types == null) {
            throw new ImproperlyConfigured(String.format("%s: the converter %s must name its types, as in \"implements "
                    + "FieldConverter<%s, %s>\"", owner, type.getSimpleName(), field.getSimpleName(),
                    natural(kind).getSimpleName()));
        }
        Class<?> j = Conversions.boxed(field);
        if (!types[0].isAssignableFrom(j)) {
            throw new ImproperlyConfigured(String.format("%s: the converter %s converts %s values, but the field is a %s",
                    owner, type.getSimpleName(), types[0].getSimpleName(), field.getSimpleName()));
        }
        if (!fits(kind, types[1])) {
            throw new ImproperlyConfigured(String.format("%s: the converter %s stores %s values, but a %s column holds %s; "
                    + "pick the field annotation of the column you want, or convert to %s", owner, type.getSimpleName(),
                    types[1].getSimpleName(), kind, natural(kind).getSimpleName(), natural(kind).getSimpleName()));
        }
        FieldConverter<?, ?> instance;
        try {
            instance = type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ImproperlyConfigured(String.format("%s: cannot create the converter %s (%s): it needs a public "
                    + "no-argument constructor", owner, type.getSimpleName(), e.getClass().getSimpleName()));
        }
        return new UserConverter(instance, j, types[1], kind);
    }

    /** Whether a column of {@code kind} can hold values of type {@code d}: its own type, or another width of number. */
    private static boolean fits(FieldType kind, Class<?> d) {
        if (d == natural(kind)) {
            return true;
        }
        if (kind.isIntegral()) {
            return d == Long.class || d == Integer.class || d == Short.class;
        }
        return kind == FieldType.FLOAT && d == Float.class;
    }

    /** The Java type of a column of {@code kind}. */
    static Class<?> natural(FieldType kind) {
        return switch (kind) {
            case CHAR, TEXT -> String.class;
            case AUTO, BIGINT, INTEGER, SMALLINT, POSITIVE_INTEGER, POSITIVE_SMALLINT -> Conversions.natural(kind);
            case BOOLEAN -> Boolean.class;
            case FLOAT -> Double.class;
            case DECIMAL -> java.math.BigDecimal.class;
            case DATE -> java.time.LocalDate.class;
            case DATETIME -> java.time.Instant.class;
            case UUID -> java.util.UUID.class;
            case LOCAL_DATETIME -> java.time.LocalDateTime.class;
            case TIME -> java.time.LocalTime.class;
            case DURATION -> java.time.Duration.class;
            case BINARY -> byte[].class;
            case JSON -> dev.quarry.spi.JsonText.class;
            case ARRAY -> dev.quarry.spi.SqlArray.class;
        };
    }

    /** {@code J} and {@code D} of a class implementing {@code FieldConverter<J, D>}, or {@code null} when not concrete. */
    private static Class<?>[] typeArguments(Class<?> type) {
        Map<TypeVariable<?>, Type> bound = new HashMap<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Class<?>[] found = search(c, bound);
            if (found != null) {
                return found;
            }
            if (c.getGenericSuperclass() instanceof ParameterizedType p) {
                bind(p, bound);
            }
        }
        return null;
    }

    private static Class<?>[] search(Class<?> c, Map<TypeVariable<?>, Type> bound) {
        for (Type t : c.getGenericInterfaces()) {
            if (t instanceof ParameterizedType p) {
                if (p.getRawType() == FieldConverter.class) {
                    Class<?> j = resolve(p.getActualTypeArguments()[0], bound);
                    Class<?> d = resolve(p.getActualTypeArguments()[1], bound);
                    return j == null || d == null ? null : new Class<?>[] {j, d};
                }
                Map<TypeVariable<?>, Type> inner = new HashMap<>(bound);
                bind(p, inner);
                Class<?>[] found = search((Class<?>) p.getRawType(), inner);
                if (found != null) {
                    return found;
                }
            } else if (t instanceof Class<?> raw && raw != FieldConverter.class) {
                Class<?>[] found = search(raw, bound);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static void bind(ParameterizedType p, Map<TypeVariable<?>, Type> bound) {
        TypeVariable<?>[] vars = ((Class<?>) p.getRawType()).getTypeParameters();
        Type[] args = p.getActualTypeArguments();
        for (int i = 0; i < vars.length; i++) {
            bound.put(vars[i], args[i] instanceof TypeVariable<?> v && bound.containsKey(v) ? bound.get(v) : args[i]);
        }
    }

    private static Class<?> resolve(Type t, Map<TypeVariable<?>, Type> bound) {
        Type r = t instanceof TypeVariable<?> v ? bound.get(v) : t;
        if (r instanceof Class<?> c) {
            return c;
        }
        return r instanceof ParameterizedType p ? (Class<?>) p.getRawType() : null;
    }

    @Override
    public Class<?> javaType() {
        return javaType;
    }

    @Override
    public Object toStored(Object value) {
        if (!javaType.isInstance(value)) {
            throw new Conversions.Rejected("expected a " + javaType.getSimpleName());
        }
        Object d;
        try {
            d = converter.toDatabase(value);
        } catch (RuntimeException e) {
            throw new Conversions.Rejected(name + ".toDatabase threw " + e.getClass().getSimpleName());
        }
        if (d == null) {
            throw new Conversions.Rejected(name + ".toDatabase returned null");
        }
        if (!dbType.isInstance(d)) {
            throw new Conversions.Rejected(name + ".toDatabase returned a " + d.getClass().getSimpleName());
        }
        return d;
    }

    @Override
    public Object fromStored(Object stored) {
        Object d = dbType.isInstance(stored) ? stored : Conversions.convert(stored, kind, dbType, true);
        Object j;
        try {
            j = converter.fromDatabase(d);
        } catch (RuntimeException e) {
            throw new Conversions.Rejected(name + ".fromDatabase threw " + e.getClass().getSimpleName());
        }
        if (j == null || !javaType.isInstance(j)) {
            throw new Conversions.Rejected(name + ".fromDatabase returned " + (j == null ? "null" : "a "
                    + j.getClass().getSimpleName()));
        }
        return j;
    }
}
