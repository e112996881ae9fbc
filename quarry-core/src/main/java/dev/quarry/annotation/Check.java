package dev.quarry.annotation;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A named CHECK constraint of a model, declared in {@link Meta#checks()} (Django's
 * {@code CheckConstraint}). The condition is SQL over the table's columns, written once for every
 * database ({@code "price >= 0"}, {@code "start_date <= end_date"}); a row that breaks it is refused by
 * the database with an {@code IntegrityError}. On a model class:
 * {@code @Meta(checks = @Check(name = "book_pages_positive", condition = "pages > 0"))}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Check {
    /** The constraint's name, unique in the table (migrations add and remove it by name). */
    String name();

    /** The condition as SQL over the table's column names, as it stands in {@code CHECK (...)}. */
    String condition();
}
