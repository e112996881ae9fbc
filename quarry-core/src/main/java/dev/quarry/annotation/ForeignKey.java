package dev.quarry.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A many-to-one relation, declared on a {@code Ref<Target>} field; the target gets a reverse
 * side ({@code <model>_set}, or {@link #relatedName()}) without declaring anything.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ForeignKey {
    /** What deleting the referenced row does to this one. */
    OnDelete onDelete();

    /** The reverse accessor and query name on the target; {@code "+"} hides the reverse side. */
    String relatedName() default "";

    /** The reverse query name on the target, when it should differ from {@link #relatedName()}. */
    String relatedQueryName() default "";

    /** Whether the column accepts NULL. */
    boolean nullable() default false;

    /** Whether validation accepts an empty value. */
    boolean blank() default false;

    /** The column name; empty for {@code <field>_id}. */
    String dbColumn() default "";

    /**
     * The default target primary key, as text converted to the target key's type ({@code "1"}): every new
     * instance points at it from construction, and {@link OnDelete#SET_DEFAULT} writes it. Text that is
     * not a valid key is refused at start-up with {@code ImproperlyConfigured}. {@link Defaults#NONE}, the
     * default, declares no default.
     */
    String defaultValue() default Defaults.NONE;

    /** Whether the column carries a UNIQUE constraint (a one-to-one in all but name). */
    boolean unique() default false;

    /**
     * Whether the schema declares a FOREIGN KEY constraint (Django's {@code db_constraint}); {@code false}
     * keeps the column and its index without the constraint, so a row may point at a key that has no
     * row (reading it throws {@code DoesNotExist}). Joins, lookups and on-delete rules are unchanged.
     */
    boolean dbConstraint() default true;

    /**
     * The name of a static method of the declaring model, taking no argument and returning a {@code Q},
     * that filters the targets this field may point at (Django's {@code limit_choices_to}): {@code fullClean()}
     * refuses a target outside it; empty for none. Checked at start-up.
     */
    String limitChoicesTo() default "";
}
