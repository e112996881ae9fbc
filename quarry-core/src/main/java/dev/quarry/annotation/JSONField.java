package dev.quarry.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A JSON document: {@code jsonb} on PostgreSQL, {@code json} on MariaDB, text checked by
 * {@code json_valid} on SQLite. The field may be of any type the JSON codec maps ({@code Map<String, Object>},
 * {@code List<String>}, a record, {@code Object}, Jackson's {@code JsonNode}); the core has no JSON library, so
 * a codec must be on the class path ({@code dev.quarry:quarry-jackson}). Lookups go into the document by key
 * and index ({@code data__owner__name}, {@code data__tags__0}); {@code has_key}, {@code has_keys},
 * {@code has_any_keys}; {@code contains}/{@code contained_by} where the database has JSON containment.
 * {@code isnull} tests SQL NULL (or, on a key, a missing key); {@code exact} with {@code null} tests the JSON
 * {@code null}, as in Django.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface JSONField {
    /** Whether the column accepts NULL (Django's {@code null}). */
    boolean nullable() default false;

    /** Whether validation accepts an empty value: an empty object or array (Django's {@code blank}). */
    boolean blank() default false;

    /**
     * The default value as JSON text ({@code "{}"}, {@code "[]"}, {@code "{\"theme\": \"dark\"}"}), read into
     * each new instance afresh, so instances never share a mutable default. {@link Defaults#NONE}, the default,
     * declares no default.
     */
    String defaultValue() default Defaults.NONE;

    /**
     * A default computed for each new instance (Django's callable {@code default}): a class implementing
     * {@code Supplier} with a public no-argument constructor, called when an instance is created, whose
     * value must fit the field. Exclusive with {@code defaultValue}, {@code autoNow} and {@code autoNowAdd}.
     * {@link Defaults.NoSupplier}, the default, declares none.
     */
    Class<? extends java.util.function.Supplier<?>> defaultSupplier() default Defaults.NoSupplier.class;

    /**
     * A default the database applies (Django 5's {@code db_default}), written into the schema: the value as
     * text in the same form as {@code defaultValue}, or {@link Defaults#NOW} on an aware DateTimeField. An
     * instance saved with {@code null} here leaves the column to the database and reads the value back.
     * {@link Defaults#NONE}, the default, declares none.
     */
    String dbDefault() default Defaults.NONE;

    /**
     * Whether the field is edited by users (Django's {@code editable}): when {@code false}, {@code fullClean()}
     * skips its null, blank and choices checks, as Django's {@code Field.validate} does, and keeps the
     * validators (length, range, digits, format) for a value that is present.
     */
    boolean editable() default true;

    /** The column name; empty for the snake_case form of the Java name. */
    String dbColumn() default "";
}
