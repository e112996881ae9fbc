package dev.quarry.model;

import dev.quarry.ImproperlyConfigured;
import dev.quarry.spi.FieldType;
import java.lang.reflect.Field;

/**
 * Picks the {@link ValueConverter} of a field from its {@code @Convert} annotation, or its Java type and
 * column kind (an enum by name or code, an aware date-time in UTC, an IP address's canonical text), and applies one to a user's value: a value of the field's Java type as it is, anything else
 * through the kind's own conversion and then the converter.
 */
final class Converters {
    private Converters() {}

    /** The converter of field {@code f} declared as {@code kind}, or {@code null} when its type is the kind's own. */
    static ValueConverter of(String owner, Field f, FieldType kind, FieldSpec spec) {
        Class<?> j = f.getType();
        ValueConverter c = null;
        dev.quarry.annotation.Convert convert = f.getAnnotation(dev.quarry.annotation.Convert.class);
        if (convert != null) {
            c = UserConverter.of(owner, convert.value(), j, kind);
        } else if (kind == FieldType.ARRAY) {
            c = ArrayConverter.of(owner, f, spec.maxLength());
        } else if (kind == FieldType.JSON) {
            c = new JsonConverter(JsonCodecs.get(owner), Conversions.boxed(j), f.getGenericType());
        } else if (j.isEnum()) {
            c = EnumConverter.of(owner, j, kind, spec.maxLength());
        } else if (kind == FieldType.DATETIME) {
            c = UtcConverter.of(j);
        } else if (spec.format() != null && spec.format().isIp() && j == String.class) {
            c = new IpConverter(spec.format());
        }
        if (c != null && spec.primaryKey()) {
            throw new ImproperlyConfigured(owner + ": a primary key of type " + j.getSimpleName() + " is not supported; "
                    + "declare the key with its column's own type (String, Long, UUID, ...)");
        }
        return c;
    }

    /** A declared default: for a JSONField the text is JSON (read by the codec), for others as {@link #assign}. */
    static Object fromDefault(ValueConverter c, String text, FieldType kind) {
        return kind == FieldType.JSON ? c.fromStored(new dev.quarry.spi.JsonText(text)) : assign(c, text, kind);
    }

    /** A value for a new instance: a JSONField's default is read afresh, so instances never share a mutable one. */
    static Object fresh(ValueConverter c, Object value) {
        return c instanceof JsonConverter json ? json.copy(value) : value;
    }

    /**
     * The field value for a user's {@code value} (strict, as assignment): a value of the Java type is checked
     * and kept, another enum is refused, anything else is converted to the kind's type and then to the field's.
     */
    static Object assign(ValueConverter c, Object value, FieldType kind) {
        if (c.javaType().isInstance(value)) {
            c.toStored(value);
            return value;
        }
        if (value instanceof Enum<?> || c.javaType().isEnum() && !(value instanceof String || value instanceof Number)) {
            throw new Conversions.Rejected("expected a " + c.javaType().getSimpleName());
        }
        return c.fromStored(Conversions.convert(value, kind, null, true));
    }
}
