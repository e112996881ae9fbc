package dev.quarry.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A date and time column. In an {@code Instant}, {@code OffsetDateTime} or {@code ZonedDateTime} field
 * it holds a point in time (Django's {@code USE_TZ = True}): stored in UTC ({@code timestamp with time
 * zone} on PostgreSQL, UTC text or {@code datetime(6)} elsewhere) and read back in UTC, whatever offset
 * or zone was written. In a {@code LocalDateTime} field it holds a wall-clock date and time with no zone
 * (Django's {@code USE_TZ = False}): stored as written ({@code timestamp} on PostgreSQL) and never
 * converted. Either way microseconds are kept, finer digits dropped, and years 1 to 9999 accepted.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface DateTimeField {
    /** Set to now on every save. */
    boolean autoNow() default false;

    /** Set to now when the row is first inserted. */
    boolean autoNowAdd() default false;

    /** Whether the column accepts NULL (Django's {@code null}). */
    boolean nullable() default false;

    /** Whether validation accepts an empty value (Django's {@code blank}). */
    boolean blank() default false;

    /**
     * The default value (Django's {@code default}), as text: an ISO instant with its offset
     * ({@code "2024-02-29T13:45:10Z"}), or for a {@code LocalDateTime} field an ISO local date and time
     * ({@code "2024-02-29T13:45:10"}). Every new instance holds it from construction, primitive fields
     * included; a Java field initializer overrides it. Text that is not a valid value is refused at
     * start-up with {@code ImproperlyConfigured}. {@link Defaults#NONE}, the default, declares no default.
     */
    String defaultValue() default Defaults.NONE;

    /** Whether the column carries a UNIQUE constraint. */
    boolean unique() default false;

    /** Whether the column gets an index of its own. */
    boolean dbIndex() default false;

    /** The allowed values, written as text; empty for any. */
    String[] choices() default {};

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

    /** Whether this field is the model's primary key instead of the automatic {@code id}. */
    boolean primaryKey() default false;
}
