package dev.quarry.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A many-to-many relation, declared on a {@code ManyToMany<Target>} field and stored in an
 * automatic through table {@code <table>_<field>} with one row per unique pair, or in the table of
 * a {@link #through()} model that holds a foreign key to each side and fields of its own.
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

    /**
     * The intermediate model whose rows link the two sides (Django's {@code through}); {@code void.class}
     * for the automatic table. It needs a foreign key to each side.
     */
    Class<?> through() default void.class;

    /**
     * With a {@link #through()} model holding two foreign keys to one side: the names of its key to
     * the declaring model and of its key to the target, in that order (Django's {@code through_fields}).
     */
    String[] throughFields() default {};

    /**
     * For a relation of a model to itself: whether adding b to a's relation also adds a to b's
     * (Django's default); {@code false} for follower-style relations with a reverse side.
     * Ignored for relations between two models.
     */
    boolean symmetrical() default true;
}
