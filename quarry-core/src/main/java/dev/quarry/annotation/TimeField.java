package dev.quarry.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A time-of-day column ({@code time}), held in a {@code LocalTime} field, at microsecond precision
 * (finer digits are dropped when written and compared).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface TimeField {
    /** Set to now on every save. */
    boolean autoNow() default false;

    /** Set to now when the row is first inserted. */
    boolean autoNowAdd() default false;

    /** Whether the column accepts NULL (Django's {@code null}). */
    boolean nullable() default false;

    /** Whether validation accepts an empty value (Django's {@code blank}). */
    boolean blank() default false;

    /**
     * The default value (Django's {@code default}), as text: an ISO time
     * ({@code "13:45:10"}, {@code "09:30"}). Every new instance holds it from construction, primitive fields
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

    /** The column name; empty for the snake_case form of the Java name. */
    String dbColumn() default "";

    /** Whether this field is the model's primary key instead of the automatic {@code id}. */
    boolean primaryKey() default false;
}
