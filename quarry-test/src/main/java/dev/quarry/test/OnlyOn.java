package dev.quarry.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Runs the test only on these vendors ({@code "postgresql"}); for the rare vendor-only behaviour, with a comment saying why. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface OnlyOn {
    /** The vendors ({@code sqlite}, {@code postgresql}, {@code mysql}) or labels ({@code mariadb}) the test runs on. */
    String[] value();
}
