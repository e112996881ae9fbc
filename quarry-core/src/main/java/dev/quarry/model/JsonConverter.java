package dev.quarry.model;

import dev.quarry.spi.JsonCodec;
import dev.quarry.spi.JsonText;
import java.lang.reflect.Type;

/**
 * A JSONField's values as JSON text, through the class path's {@link JsonCodec}: written with
 * {@code write}, read with {@code read} into the field's generic type. The JSON {@code null} is read as
 * {@code null}. A codec's failure is a refusal naming the codec's exception class, never the text.
 */
final class JsonConverter implements ValueConverter {
    private final JsonCodec codec;
    private final Class<?> javaType;
    private final Type genericType;

    JsonConverter(JsonCodec codec, Class<?> javaType, Type genericType) {
        this.codec = codec;
        this.javaType = javaType;
        this.genericType = genericType;
    }

    @Override
    public Class<?> javaType() {
        return javaType;
    }

    @Override
    public Object toStored(Object value) {
        try {
            return new JsonText(codec.write(value));
        } catch (RuntimeException e) {
            throw new Conversions.Rejected("the JSON codec cannot write a " + value.getClass().getSimpleName() + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public Object fromStored(Object stored) {
        String json = stored instanceof JsonText t ? t.json() : stored.toString();
        try {
            return codec.read(json, genericType);
        } catch (RuntimeException e) {
            throw new Conversions.Rejected("the JSON codec cannot read it as a " + javaType.getSimpleName() + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * The deepest nesting of arrays and objects a database without {@code Feature.DEEP_JSON} stores: MariaDB's
     * limit is a JSON depth of 32, where a scalar counts one level.
     */
    static final int SHALLOW_DEPTH = 31;

    /** {@code json}, when the database stores a document that deep ({@code Feature.DEEP_JSON}, or at most 32 levels). */
    static JsonText storable(JsonText json, dev.quarry.spi.Features features) {
        if (!features.has(dev.quarry.spi.Feature.DEEP_JSON) && depth(json.json()) > SHALLOW_DEPTH) {
            throw new Conversions.Rejected("a JSON document with arrays or objects nested more than " + SHALLOW_DEPTH
                    + " deep, which this database's JSON columns refuse (it lacks Feature.DEEP_JSON)");
        }
        return json;
    }

    /** How deeply arrays and objects nest in JSON text (strings skipped). */
    static int depth(String json) {
        int depth = 0;
        int max = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                max = Math.max(max, ++depth);
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
        return max;
    }

    /** A fresh copy of a value (written and read again), so instances never share a mutable default. */
    Object copy(Object value) {
        return value == null ? null : fromStored(toStored(value));
    }
}
