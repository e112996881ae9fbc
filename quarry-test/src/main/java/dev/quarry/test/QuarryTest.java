package dev.quarry.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class once per active backend ({@code AggregationTest [postgresql]}), each time
 * on a fresh database holding the tables of {@link #models()}, with every test method in a
 * transaction rolled back afterwards. Test methods may take {@code Quarry} and {@link Queries}
 * parameters.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ClassTemplate
@ExtendWith(QuarryTestExtension.class)
public @interface QuarryTest {
    /** The models whose tables each backend's database gets (models they refer to are added). */
    Class<? extends dev.quarry.Model>[] models();
}
