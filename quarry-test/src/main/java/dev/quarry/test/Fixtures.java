package dev.quarry.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Fixtures a {@link QuarryTest} class loads once per backend, after creating its tables and before its first test
 * (Django's {@code TestCase.fixtures}): JSON files in Django's format on the test class path, named from its root
 * ({@code @Fixtures("books.json")} for {@code src/test/resources/books.json}) or relative to the test class's package
 * when they do not start there. Every test starts from these rows (tests roll back; {@code @Committing} tests get
 * fresh tables and the fixtures again).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Fixtures {
    /** The fixture files, loaded in one transaction in this order. */
    String[] value();
}
