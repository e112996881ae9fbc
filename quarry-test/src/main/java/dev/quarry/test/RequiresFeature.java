package dev.quarry.test;

import dev.quarry.spi.Feature;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Runs the test (or class) only on backends that have all these features (Django's {@code skipUnlessDBFeature}). */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresFeature {
    /** The features the backend must have. */
    Feature[] value();
}
