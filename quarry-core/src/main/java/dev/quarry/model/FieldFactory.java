package dev.quarry.model;

import dev.quarry.ImproperlyConfigured;
import dev.quarry.annotation.BigIntegerField;
import dev.quarry.annotation.BooleanField;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.DateField;
import dev.quarry.annotation.DateTimeField;
import dev.quarry.annotation.DecimalField;
import dev.quarry.annotation.FloatField;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.PositiveIntegerField;
import dev.quarry.annotation.PositiveSmallIntegerField;
import dev.quarry.annotation.SmallIntegerField;
import dev.quarry.annotation.TextField;
import dev.quarry.annotation.UUIDField;
import dev.quarry.internal.Names;
import dev.quarry.spi.FieldType;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Reads a field's annotation into a {@link FieldMeta}, checking that the Java type fits. */
final class FieldFactory {
    private static final Map<Class<? extends Annotation>, FieldType> TYPES = Map.ofEntries(
            Map.entry(CharField.class, FieldType.CHAR),
            Map.entry(TextField.class, FieldType.TEXT),
            Map.entry(IntegerField.class, FieldType.INTEGER),
            Map.entry(SmallIntegerField.class, FieldType.SMALLINT),
            Map.entry(PositiveSmallIntegerField.class, FieldType.POSITIVE_SMALLINT),
            Map.entry(PositiveIntegerField.class, FieldType.POSITIVE_INTEGER),
            Map.entry(BigIntegerField.class, FieldType.BIGINT),
            Map.entry(BooleanField.class, FieldType.BOOLEAN),
            Map.entry(FloatField.class, FieldType.FLOAT),
            Map.entry(DecimalField.class, FieldType.DECIMAL),
            Map.entry(DateField.class, FieldType.DATE),
            Map.entry(DateTimeField.class, FieldType.DATETIME),
            Map.entry(UUIDField.class, FieldType.UUID));

    private static final Set<Class<?>> INTEGRAL = Set.of(int.class, Integer.class, short.class, Short.class,
            long.class, Long.class);

    private FieldFactory() {}

    static FieldMeta autoId(ModelMeta model, Field idField) {
        FieldMeta.FieldOptions options = new FieldMeta.FieldOptions(false, true, null, true, false, List.of(),
                true, 0, 0, 0, false, false);
        return new FieldMeta(model, idField, FieldType.AUTO, options, null, "id",
                Accessors.getter(idField), Accessors.setter(idField));
    }

    /** The metadata of a plain annotated field, or {@code null} when the field has no Quarry annotation. */
    static FieldMeta plain(ModelMeta model, Field f) {
        for (Annotation a : f.getAnnotations()) {
            FieldType type = TYPES.get(a.annotationType());
            if (type != null) {
                checkJavaType(model, f, type);
                String column = option(a, "dbColumn", "");
                FieldMeta.FieldOptions options = new FieldMeta.FieldOptions(
                        option(a, "nullable", false), option(a, "blank", false),
                        parseDefault(model, f, type, option(a, "defaultValue", "")),
                        option(a, "unique", false) || option(a, "primaryKey", false),
                        option(a, "dbIndex", false), List.of(option(a, "choices", new String[0])),
                        option(a, "primaryKey", false), option(a, "maxLength", 0), option(a, "maxDigits", 0),
                        option(a, "decimalPlaces", 0), option(a, "autoNow", false), option(a, "autoNowAdd", false));
                if (type == FieldType.CHAR && options.maxLength() <= 0) {
                    throw new ImproperlyConfigured(model.name() + "." + f.getName() + ": CharField needs maxLength > 0");
                }
                if (options.nullable() && f.getType().isPrimitive()) {
                    throw new ImproperlyConfigured(model.name() + "." + f.getName() + " is nullable but its Java type "
                            + f.getType() + " cannot hold null; use the boxed type");
                }
                return new FieldMeta(model, f, type, options, null,
                        column.isEmpty() ? Names.snake(f.getName()) : column,
                        Accessors.getter(f), Accessors.setter(f));
            }
        }
        return null;
    }

    private static void checkJavaType(ModelMeta model, Field f, FieldType type) {
        Class<?> j = f.getType();
        boolean ok = switch (type) {
            case CHAR, TEXT -> j == String.class;
            case INTEGER, SMALLINT, POSITIVE_SMALLINT, POSITIVE_INTEGER, BIGINT, AUTO -> INTEGRAL.contains(j);
            case BOOLEAN -> j == boolean.class || j == Boolean.class;
            case FLOAT -> j == double.class || j == Double.class || j == float.class || j == Float.class;
            case DECIMAL -> j == BigDecimal.class;
            case DATE -> j == LocalDate.class;
            case DATETIME -> j == Instant.class;
            case UUID -> j == UUID.class;
        };
        if (!ok) {
            throw new ImproperlyConfigured(model.name() + "." + f.getName() + " is declared as " + type
                    + " but its Java type is " + j.getSimpleName());
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T option(Annotation a, String name, T fallback) {
        try {
            Method m = a.annotationType().getMethod(name);
            return (T) m.invoke(a);
        } catch (NoSuchMethodException e) {
            return fallback;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object parseDefault(ModelMeta model, Field f, FieldType type, String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return convert(f.getType(), type, text);
        } catch (RuntimeException e) {
            throw new ImproperlyConfigured(model.name() + "." + f.getName() + ": defaultValue '" + text
                    + "' is not a valid " + type + " (" + e.getMessage() + ")");
        }
    }

    /** Converts text to the Java type of a field of this kind. */
    static Object convert(Class<?> javaType, FieldType type, String text) {
        return switch (type) {
            case CHAR, TEXT -> text;
            case BOOLEAN -> Boolean.parseBoolean(text);
            case FLOAT -> javaType == float.class || javaType == Float.class ? (Object) Float.parseFloat(text) : (Object) Double.parseDouble(text);
            case DECIMAL -> new BigDecimal(text);
            case DATE -> LocalDate.parse(text);
            case DATETIME -> Instant.parse(text);
            case UUID -> UUID.fromString(text);
            default -> {
                if (javaType == short.class || javaType == Short.class) {
                    yield Short.parseShort(text);
                }
                if (javaType == long.class || javaType == Long.class) {
                    yield Long.parseLong(text);
                }
                yield Integer.parseInt(text);
            }
        };
    }
}
