package dev.quarry.model;

import dev.quarry.ImproperlyConfigured;
import dev.quarry.annotation.Defaults;
import dev.quarry.spi.FieldType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.function.Supplier;

/**
 * Reads a field's database features ({@link FieldMeta.Extras}) from its annotation, checking them at
 * start-up: a computed default's supplier is instantiated once, a database default is converted like
 * {@code defaultValue}, {@code Defaults.NOW} needs an aware date-time, and options that exclude each
 * other are refused naming the field.
 */
final class DatabaseOptions {
    private DatabaseOptions() {}

    static FieldMeta.Extras read(String owner, Field f, FieldType type, FieldSpec spec, ValueConverter converter) {
        FieldSpec.Extras x = spec.extras();
        FieldType arrayOf = converter instanceof ArrayConverter a ? a.elementKind() : null;
        Supplier<?> supplier = null;
        if (x.hasSupplier()) {
            if (spec.hasDefault() || spec.autoNow() || spec.autoNowAdd()) {
                // Django has one default option; fields.E160 for auto_now with a default.
                throw new ImproperlyConfigured(owner + ": defaultSupplier excludes defaultValue, autoNow and autoNowAdd; "
                        + "keep one of them");
            }
            supplier = instantiate(owner, x.supplier());
        }
        Object dbDefault = null;
        boolean now = false;
        if (x.hasDbDefault()) {
            if (f.getType().isPrimitive()) {
                throw new ImproperlyConfigured(owner + " declares a dbDefault but its Java type " + f.getType()
                        + " is never null, so the database would never supply the value; use the boxed type");
            }
            if (spec.primaryKey()) {
                throw new ImproperlyConfigured(owner + ": a dbDefault on a primary key is not supported");
            }
            if (Defaults.NOW.equals(x.dbDefault())) {
                if (type != FieldType.DATETIME) {
                    throw new ImproperlyConfigured(owner + ": dbDefault = Defaults.NOW needs an aware DateTimeField "
                            + "(Instant, OffsetDateTime or ZonedDateTime, stored in UTC); this field is a " + type
                            + " (" + f.getType().getSimpleName() + ")");
                }
                now = true;
            } else {
                dbDefault = FieldValues.forDefault(owner, type, f.getType(), x.dbDefault(), converter);
            }
        }
        // Django's auto_now and auto_now_add make a field editable=False (and blank=True).
        boolean editable = x.editable() && !spec.autoNow() && !spec.autoNowAdd();
        return new FieldMeta.Extras(arrayOf, x.arraySize(), x.collation(), dbDefault, now, supplier, editable);
    }

    private static Supplier<?> instantiate(String owner, Class<?> type) {
        try {
            Constructor<?> c = type.getDeclaredConstructor();
            if (!Modifier.isPublic(c.getModifiers()) || !Modifier.isPublic(type.getModifiers())
                    || Modifier.isAbstract(type.getModifiers())) {
                throw new NoSuchMethodException();
            }
            return (Supplier<?>) c.newInstance();
        } catch (NoSuchMethodException e) {
            throw new ImproperlyConfigured(owner + ": defaultSupplier " + type.getName() + " needs to be a public, "
                    + "concrete class with a public no-argument constructor");
        } catch (ReflectiveOperationException e) {
            throw new ImproperlyConfigured(owner + ": defaultSupplier " + type.getName() + " could not be created ("
                    + (e.getCause() == null ? e : e.getCause()).getClass().getSimpleName() + ")");
        }
    }
}
