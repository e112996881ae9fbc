package dev.quarry.model;

import dev.quarry.ImproperlyConfigured;
import dev.quarry.spi.FieldType;
import dev.quarry.spi.SqlArray;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An {@code @ArrayField}'s {@code List<X>} to and from its stored {@link SqlArray}: each element goes through
 * the rules of its kind ({@code Conversions}), so ranges, microseconds and digits hold inside arrays too, and
 * elements read from the driver ({@code java.sql.Date}, narrower numbers) become the list's element type.
 */
final class ArrayConverter implements ValueConverter {
    private static final Map<Class<?>, FieldType> KINDS = Map.of(String.class, FieldType.TEXT, Integer.class,
            FieldType.INTEGER, Long.class, FieldType.BIGINT, Short.class, FieldType.SMALLINT, Boolean.class,
            FieldType.BOOLEAN, Double.class, FieldType.FLOAT, BigDecimal.class, FieldType.DECIMAL, LocalDate.class,
            FieldType.DATE, UUID.class, FieldType.UUID);

    private final Class<?> elementClass;
    private final FieldType elementKind;
    private final int maxLength;

    private ArrayConverter(Class<?> elementClass, FieldType elementKind, int maxLength) {
        this.elementClass = elementClass;
        this.elementKind = elementKind;
        this.maxLength = maxLength;
    }

    /** The converter of array field {@code f}; its Java type must be {@code List} of one of the base types. */
    static ArrayConverter of(String owner, Field f, int maxLength) {
        Type t = f.getGenericType();
        Class<?> element = null;
        if (f.getType() == List.class && t instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            element = c;
        }
        FieldType kind = element == null ? null : KINDS.get(element);
        if (kind == null) {
            throw new ImproperlyConfigured(owner + ": an @ArrayField is a List of String, Integer, Long, Short, Boolean, "
                    + "Double, BigDecimal, LocalDate or UUID; its Java type is " + t.getTypeName());
        }
        if (kind == FieldType.TEXT && maxLength > 0) {
            kind = FieldType.CHAR;
        }
        return new ArrayConverter(element, kind, maxLength);
    }

    /** The kind of the elements ({@code CHAR} for strings with a maximum length). */
    FieldType elementKind() {
        return elementKind;
    }

    @Override
    public Class<?> javaType() {
        return List.class;
    }

    @Override
    public Object toStored(Object value) {
        if (!(value instanceof Collection<?> items)) {
            throw new Conversions.Rejected("a List of " + elementClass.getSimpleName());
        }
        List<Object> out = new ArrayList<>(items.size());
        for (Object v : items) {
            Object e = v == null ? null : Conversions.convert(v, elementKind, elementClass, true);
            if (e instanceof String s && maxLength > 0 && s.codePointCount(0, s.length()) > maxLength) {
                throw new Conversions.Rejected("elements of at most " + maxLength + " characters");
            }
            out.add(e);
        }
        return new SqlArray(elementKind, out);
    }

    @Override
    public Object fromStored(Object stored) {
        if (!(stored instanceof SqlArray a)) {
            throw new Conversions.Rejected("an array");
        }
        List<Object> out = new ArrayList<>(a.items().size());
        for (Object v : a.items()) {
            Object e = v instanceof java.sql.Date d ? d.toLocalDate() : v;
            out.add(e == null ? null : Conversions.convert(e, elementKind, elementClass, false));
        }
        return out;
    }
}
