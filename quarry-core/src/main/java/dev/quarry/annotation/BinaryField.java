package dev.quarry.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Raw bytes, held in a {@code byte[]} field: {@code BLOB} on SQLite, {@code bytea} on PostgreSQL,
 * {@code longblob} on MariaDB. An empty array is a value, distinct from NULL. Filter with {@code exact},
 * {@code in} and {@code isnull} (comparisons are by bytes); the text lookups do not apply.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface BinaryField {
    /** The maximum length in bytes, checked by {@code fullClean()}; 0 for no limit. */
    int maxLength() default 0;

    /** Whether the column accepts NULL (Django's {@code null}). */
    boolean nullable() default false;

    /** Whether validation accepts an empty value (Django's {@code blank}). */
    boolean blank() default false;

    /**
     * The default value, as hexadecimal digits ({@code "cafe01"}; {@code ""} for an empty array). Every new
     * instance gets its own copy. {@link Defaults#NONE}, the default, declares no default.
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
