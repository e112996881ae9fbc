package dev.quarry.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Model options, placed on a model class (Django's {@code class Meta}). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Meta {
    /** The table name; empty for the snake_case form of the class name. */
    String dbTable() default "";

    /** The default ordering, in {@code orderBy} syntax ({@code "-published_date"}). */
    String[] ordering() default {};

    /** Sets of fields whose values are unique together (Django's {@code unique_together}). */
    UniqueTogether[] uniqueTogether() default {};

    /** Named CHECK constraints of the table (Django's {@code constraints = [CheckConstraint(...)]}). */
    Check[] checks() default {};
}
