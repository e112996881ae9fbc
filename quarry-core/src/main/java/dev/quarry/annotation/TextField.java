package dev.quarry.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An unbounded string column, held in a {@code String} field. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface TextField {

    /** Whether the column accepts NULL (Django's {@code null}). */
    boolean nullable() default false;

    /** Whether validation accepts an empty value (Django's {@code blank}). */
    boolean blank() default false;

    /** The default value, written as text and converted to the field's type; empty for none. */
    String defaultValue() default "";

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
