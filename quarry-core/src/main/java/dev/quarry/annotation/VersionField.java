package dev.quarry.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Opts a model into optimistic locking: a {@code long} (or {@code int}) field, at most one per
 * model, that every {@code save()} of an existing row raises by one, with an UPDATE that matches
 * only the version the instance was loaded with. A save whose row was changed (or deleted) by
 * someone else since it was loaded updates nothing and throws {@code StaleObjectError}, naming the
 * model. New instances start at 0. {@code update()} and {@code bulkUpdate()} raise the version
 * without checking it, so instances loaded before them are stale afterwards.
 *
 * <pre>{@code
 * @VersionField
 * public long version;
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface VersionField {
    /** The column name; empty for the snake_case form of the Java name. */
    String dbColumn() default "";
}
