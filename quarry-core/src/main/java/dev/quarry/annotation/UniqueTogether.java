package dev.quarry.annotation;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One set of fields whose values are unique together, declared in {@link Meta#uniqueTogether()}
 * (one entry of Django's {@code unique_together}): {@code @UniqueTogether({"author", "title"})}.
 * Written as a unique index named {@code <table>_<column>_..._uniq}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface UniqueTogether {
    /** The fields, by Java name or snake_case name; a foreign key by its field name ({@code author}). */
    String[] value();
}
