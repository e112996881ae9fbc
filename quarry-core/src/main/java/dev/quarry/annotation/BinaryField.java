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

    /** The column name; empty for the snake_case form of the Java name. */
    String dbColumn() default "";
}
