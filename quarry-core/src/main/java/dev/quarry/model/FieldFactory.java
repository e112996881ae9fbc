package dev.quarry.model;

import dev.quarry.ImproperlyConfigured;
import dev.quarry.Model;
import dev.quarry.internal.Names;
import dev.quarry.spi.FieldType;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Reads a field's annotation into a {@link FieldMeta}, checking that the Java type and the options fit. */
final class FieldFactory {
    private static final Set<Class<?>> INTEGRAL = Set.of(int.class, Integer.class, short.class, Short.class,
            long.class, Long.class);

    private FieldFactory() {}

    static FieldMeta autoId(ModelMeta model, Field idField) {
        FieldMeta.FieldOptions options = new FieldMeta.FieldOptions(false, true, null, true, false, List.of(),
                true, 0, 0, 0, false, false);
        return new FieldMeta(model, idField, FieldType.AUTO, options, null, "id",
                Accessors.getter(idField), Accessors.setter(idField));
    }

    /** Whether the Java field carries a Quarry field or relation annotation. */
    static boolean isAnnotated(Field f) {
        if (f.isAnnotationPresent(dev.quarry.annotation.ForeignKey.class)
                || f.isAnnotationPresent(dev.quarry.annotation.OneToOneField.class)
                || f.isAnnotationPresent(dev.quarry.annotation.ManyToManyField.class)) {
            return true;
        }
        for (Annotation a : f.getAnnotations()) {
            if (FieldSpec.read(a) != null) {
                return true;
            }
        }
        return false;
    }

    /** The metadata of a plain annotated field, or {@code null} when the field has no Quarry annotation. */
    static FieldMeta plain(ModelMeta model, Field f) {
        for (Annotation a : f.getAnnotations()) {
            FieldSpec spec;
            try {
                spec = FieldSpec.read(a);
            } catch (ImproperlyConfigured e) {
                throw new ImproperlyConfigured(model.name() + "." + f.getName() + ": " + e.getMessage());
            }
            if (spec != null) {
                return plain(model, f, spec);
            }
        }
        return null;
    }

    private static FieldMeta plain(ModelMeta model, Field f, FieldSpec spec) {
        String owner = model.name() + "." + f.getName();
        FieldType type = kind(spec.type(), f.getType());
        ValueConverter converter = Converters.of(owner, f, type, spec);
        if (converter == null) {
            checkJavaType(owner, f, type);
        }
        if (type == FieldType.CHAR && spec.maxLength() <= 0) {
            throw new ImproperlyConfigured(owner + ": CharField needs maxLength > 0");
        }
        if (type == FieldType.DECIMAL && (spec.maxDigits() < 1 || spec.decimalPlaces() < 0
                || spec.decimalPlaces() > spec.maxDigits())) {
            // Django fields.E132-E134; PostgreSQL would refuse numeric(0, 0) only when the table is created.
            throw new ImproperlyConfigured(String.format("%s: DecimalField needs maxDigits >= 1 and 0 <= decimalPlaces <= "
                    + "maxDigits; got maxDigits = %d, decimalPlaces = %d", owner, spec.maxDigits(), spec.decimalPlaces()));
        }
        if (spec.nullable() && f.getType().isPrimitive()) {
            throw new ImproperlyConfigured(owner + " is nullable but its Java type " + f.getType()
                    + " cannot hold null; use the boxed type");
        }
        if (spec.hasDefault() && (spec.autoNow() || spec.autoNowAdd())) {
            // Django fields.E160
            throw new ImproperlyConfigured(owner + ": the options autoNow, autoNowAdd and defaultValue are mutually exclusive");
        }
        Object dflt = spec.hasDefault() ? FieldValues.forDefault(owner, type, f.getType(), spec.defaultValue(), converter)
                : null;
        for (String choice : spec.choices()) {
            checkChoice(owner, type, f.getType(), converter, choice);
        }
        FieldMeta.FieldOptions options = new FieldMeta.FieldOptions(spec.nullable(), spec.blank(), dflt,
                spec.unique() || spec.primaryKey(), spec.dbIndex(), spec.choices(), spec.primaryKey(), spec.maxLength(),
                spec.maxDigits(), spec.decimalPlaces(), spec.autoNow(), spec.autoNowAdd(), spec.format(),
                DatabaseOptions.read(owner, f, type, spec, converter));
        return new FieldMeta(model, f, type, options, null,
                spec.dbColumn().isEmpty() ? Names.snake(f.getName()) : spec.dbColumn(),
                Accessors.getter(f), Accessors.setter(f), converter);
    }

    /**
     * Refuses a declared choice that is no value of the field ({@code choices = {"RED"}} on an enum without
     * RED): {@code fullClean()} compares stored forms, so a choice no value has would reject every value.
     */
    private static void checkChoice(String owner, FieldType type, Class<?> javaType, ValueConverter converter,
                                    String choice) {
        try {
            Object v = FieldValues.forDefault(owner, type, javaType, choice, converter);
            if (converter != null && !String.valueOf(converter.toStored(v)).equals(choice)) {
                throw new ImproperlyConfigured(owner + ": choice " + dev.quarry.internal.Excerpt.of(choice)
                        + " is not how any value of " + javaType.getSimpleName() + " is stored");
            }
        } catch (ImproperlyConfigured e) {
            throw new ImproperlyConfigured(owner + ": choice " + dev.quarry.internal.Excerpt.of(choice) + " is not a value "
                    + "the field can hold (" + e.getMessage() + ")");
        }
    }

    /** The storage kind and Java type of a foreign key's target key. */
    record Key(FieldType type, Class<?> javaType) {}

    /**
     * The key of model class {@code target}, read from its annotations alone (a foreign key's default
     * is converted while the target's own metadata may still be under construction): its declared
     * primary key, or the automatic {@code Long id}.
     */
    static Key keyOf(Class<?> target) {
        for (Class<?> c = target; c != null && c != Model.class && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                for (Annotation a : f.getAnnotations()) {
                    FieldSpec spec = FieldSpec.read(a);
                    if (spec != null && spec.primaryKey()) {
                        return new Key(kind(spec.type(), f.getType()).referenceType(), f.getType());
                    }
                }
            }
        }
        return new Key(FieldType.AUTO.referenceType(), Long.class);
    }

    /** The storage kind of a field declared as {@code declared}: a {@code LocalDateTime} in a DateTimeField has no zone. */
    static FieldType kind(FieldType declared, Class<?> javaType) {
        return declared == FieldType.DATETIME && javaType == LocalDateTime.class ? FieldType.LOCAL_DATETIME : declared;
    }

    private static void checkJavaType(String owner, Field f, FieldType type) {
        Class<?> j = f.getType();
        boolean ok = switch (type) {
            case CHAR, TEXT -> j == String.class;
            case INTEGER, SMALLINT, POSITIVE_SMALLINT, POSITIVE_INTEGER, BIGINT, AUTO -> INTEGRAL.contains(j);
            case BOOLEAN -> j == boolean.class || j == Boolean.class;
            case FLOAT -> j == double.class || j == Double.class || j == float.class || j == Float.class;
            case DECIMAL -> j == BigDecimal.class;
            case DATE -> j == LocalDate.class;
            case DATETIME -> j == Instant.class;
            case LOCAL_DATETIME -> j == LocalDateTime.class;
            case TIME -> j == LocalTime.class;
            case DURATION -> j == Duration.class;
            case BINARY -> j == byte[].class;
            case JSON, ARRAY -> true;
            case UUID -> j == UUID.class;
        };
        if (!ok) {
            throw new ImproperlyConfigured(owner + " is declared as " + type + " but its Java type is " + j.getSimpleName()
                    + (type == FieldType.DATETIME ? " (a DateTimeField holds Instant, OffsetDateTime, ZonedDateTime or "
                    + "LocalDateTime)" : ""));
        }
    }
}
