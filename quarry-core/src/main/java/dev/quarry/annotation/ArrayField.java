package dev.quarry.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An array column (Django's {@code ArrayField} of {@code django.contrib.postgres}), held in a {@code List}
 * whose type argument picks the base kind: {@code String} ({@code varchar(maxLength)}, or {@code text} when
 * {@code maxLength} is 0), {@code Integer}, {@code Long}, {@code Short}, {@code Boolean}, {@code Double},
 * {@code BigDecimal}, {@code LocalDate} or {@code UUID}. Only backends with arrays (PostgreSQL) accept it:
 * elsewhere the Quarry refuses the model when it is built. Lookups: {@code contains},
 * {@code contained_by}, {@code overlap}, {@code len}, an index ({@code tags__0}) and a slice
 * ({@code tags__0_2}), besides {@code exact} and {@code isnull}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ArrayField {
    /** For a {@code List<String>}: the maximum length of each element ({@code varchar(n)}); 0 for {@code text}. */
    int maxLength() default 0;

    /**
     * The maximum number of elements (Django's {@code size}): written into the column type, which PostgreSQL
     * does not enforce, and checked by {@code fullClean()}; 0 for no limit.
     */
    int size() default 0;

    /** Whether the column accepts NULL (Django's {@code null}). */
    boolean nullable() default false;

    /** Whether validation accepts an empty list (Django's {@code blank}). */
    boolean blank() default false;

    /**
     * A default computed for each new instance (Django's callable {@code default}, as {@code default=list}):
     * a class implementing {@code Supplier} with a public no-argument constructor. {@link Defaults.NoSupplier},
     * the default, declares none.
     */
    Class<? extends java.util.function.Supplier<?>> defaultSupplier() default Defaults.NoSupplier.class;

    /** Whether the field is edited by users (Django's {@code editable}); see {@link CharField#editable()}. */
    boolean editable() default true;

    /** The column name; empty for the snake_case form of the Java name. */
    String dbColumn() default "";
}
