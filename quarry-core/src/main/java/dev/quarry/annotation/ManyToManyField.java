package dev.quarry.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A many-to-many relation, declared on a {@code ManyToMany<Target>} field and stored in an
 * automatic through table {@code <table>_<field>} with one row per unique pair.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ManyToManyField {
    /** The reverse accessor and query name on the target; {@code "+"} hides the reverse side. */
    String relatedName() default "";

    /** The reverse query name on the target, when it should differ from {@link #relatedName()}. */
    String relatedQueryName() default "";

    /** The through table's name; empty for {@code <table>_<field>}. */
    String dbTable() default "";
}
