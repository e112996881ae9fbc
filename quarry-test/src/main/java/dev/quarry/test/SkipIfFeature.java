package dev.quarry.test;

import dev.quarry.spi.Feature;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Skips the test (or class) on backends that have any of these features (Django's {@code skipIfDBFeature}). */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface SkipIfFeature {
    /** The features that make the test skip. */
    Feature[] value();
}
