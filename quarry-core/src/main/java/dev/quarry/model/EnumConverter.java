package dev.quarry.model;

import dev.quarry.Choice;
import dev.quarry.ImproperlyConfigured;
import dev.quarry.Labeled;
import dev.quarry.spi.FieldType;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An enum field's mapping to its column: by name in a text column, by ordinal in an integer column,
 * or by the constants' own {@link Choice#value()} in either. Checked once at start-up: values distinct,
 * of the column's type, within its length or range.
 */
final class EnumConverter implements ValueConverter {
    private final Class<?> type;
    private final boolean text;
    private final Object[] stored;
    private final Map<Object, Object> byStored;
    private final Map<Object, String> choices;
    private final String expected;

    private EnumConverter(Class<?> type, boolean text, Object[] stored, Map<Object, Object> byStored,
                          Map<Object, String> choices, String expected) {
        this.type = type;
        this.text = text;
        this.stored = stored;
        this.byStored = byStored;
        this.choices = choices;
        this.expected = expected;
    }

    /** The converter of enum {@code type} in a column of kind {@code kind}; {@code owner} names the field in errors. */
    static EnumConverter of(String owner, Class<?> type, FieldType kind, int maxLength) {
        boolean text = kind.isText();
        if (!text && !kind.isIntegral()) {
            throw new ImproperlyConfigured(String.format("%s: an enum (%s) is stored by name in a @CharField or @TextField, "
                    + "or by ordinal or Choice value in an integer field, not in a %s column", owner, type.getSimpleName(),
                    kind));
        }
        Object[] constants = type.getEnumConstants();
        Object[] stored = new Object[constants.length];
        Map<Object, Object> byStored = new HashMap<>();
        Map<Object, String> choices = new LinkedHashMap<>();
        for (Object c : constants) {
            Enum<?> e = (Enum<?>) c;
            Object v = storedForm(owner, e, text);
            if (text && maxLength > 0 && ((String) v).codePointCount(0, ((String) v).length()) > maxLength) {
                throw new ImproperlyConfigured(String.format("%s: maxLength = %d is too short for %s.%s, stored as a value "
                        + "of %d characters; raise maxLength", owner, maxLength, type.getSimpleName(), e.name(),
                        ((String) v).length()));
            }
            if (!text && ((Long) v < kind.minValue() || (Long) v > kind.maxValue())) {
                throw new ImproperlyConfigured(String.format("%s: %s.%s is stored as %d, outside the range of a %s column "
                        + "(%d to %d)", owner, type.getSimpleName(), e.name(), v, kind, kind.minValue(), kind.maxValue()));
            }
            Object clash = byStored.put(v, e);
            if (clash != null) {
                throw new ImproperlyConfigured(String.format("%s: %s.%s and %s.%s are stored as the same value; each "
                        + "constant needs its own", owner, type.getSimpleName(), ((Enum<?>) clash).name(),
                        type.getSimpleName(), e.name()));
            }
            stored[e.ordinal()] = v;
            choices.put(e, Labeled.of(e));
        }
        String how = Choice.class.isAssignableFrom(type) ? "the values" : text ? "the names" : "the ordinals";
        String expected = String.format("expected one of %s of %s", how, type.getSimpleName());
        return new EnumConverter(type, text, stored, Map.copyOf(byStored), Collections.unmodifiableMap(choices), expected);
    }

    /** A constant's stored form: its Choice value, else its name (text) or ordinal (integer), as String or Long. */
    private static Object storedForm(String owner, Enum<?> e, boolean text) {
        if (e instanceof Choice<?> c) {
            Object v = c.value();
            if (text && v instanceof String) {
                return v;
            }
            if (!text && (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte)) {
                return ((Number) v).longValue();
            }
            throw new ImproperlyConfigured(String.format("%s: %s.%s has the Choice value %s, but %s column needs %s",
                    owner, e.getDeclaringClass().getSimpleName(), e.name(), v == null ? "null" : "of type "
                    + v.getClass().getSimpleName(), text ? "a text" : "an integer", text ? "a String" : "an Integer or Long"));
        }
        return text ? e.name() : (long) e.ordinal();
    }

    @Override
    public Class<?> javaType() {
        return type;
    }

    @Override
    public Object toStored(Object value) {
        if (!type.isInstance(value)) {
            throw new Conversions.Rejected("expected a " + type.getSimpleName());
        }
        return stored[((Enum<?>) value).ordinal()];
    }

    @Override
    public Object fromStored(Object value) {
        Object key = value;
        if (!text && value instanceof Number n) {
            key = n.longValue();
        }
        Object e = key == null ? null : byStored.get(key);
        if (e == null) {
            throw new Conversions.Rejected(expected);
        }
        return e;
    }

    @Override
    public Map<Object, String> choices() {
        return choices;
    }
}
