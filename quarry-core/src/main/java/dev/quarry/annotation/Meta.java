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

    /**
     * Whether this model is a proxy of the concrete model it extends (Django's {@code proxy = True}): the same
     * table and rows, its own class, manager, default ordering and methods. It declares no fields.
     */
    boolean proxy() default false;

    /**
     * Whether this model extends a concrete model by multi-table inheritance (what Django does for any
     * subclass of a concrete model): a table of its own, holding its own fields and a parent link
     * {@code <parent>_ptr_id} that is its primary key and a one-to-one to the parent's row.
     */
    boolean multiTable() default false;
    /** Sets of fields whose values are unique together (Django's {@code unique_together}). */
    UniqueTogether[] uniqueTogether() default {};

    /** Named CHECK constraints of the table (Django's {@code constraints = [CheckConstraint(...)]}). */
    Check[] checks() default {};
}
