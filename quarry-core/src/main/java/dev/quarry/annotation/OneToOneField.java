package dev.quarry.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A one-to-one relation (Django's {@code OneToOneField}), declared on a {@code Ref<Target>} field: a
 * foreign key whose column is UNIQUE. The target gets a single-valued reverse side, read with
 * {@code target.relatedOne("<model>", Source.class)} (the declaring model's name lower-cased, or
 * {@link #relatedName()}), without declaring anything.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface OneToOneField {
    /** What deleting the referenced row does to this one. */
    OnDelete onDelete();

    /** The reverse accessor and query name on the target; {@code "+"} hides the reverse side. */
    String relatedName() default "";

    /** The reverse query name on the target, when it should differ from {@link #relatedName()}. */
    String relatedQueryName() default "";

    /** Whether the column accepts NULL (several rows may then point at nothing). */
    boolean nullable() default false;

    /** Whether validation accepts an empty value. */
    boolean blank() default false;

    /** The column name; empty for {@code <field>_id}. */
    String dbColumn() default "";
}
