package dev.quarry.expr;

/**
 * A value computed by the database for each row (or each group), typed by the Java values it
 * produces: {@code Expression<Long>} for {@code count("books")}. Passed to {@code annotate} and
 * {@code aggregate}; resolved against a model when the QuerySet is built, so a path that names no
 * field, or a type that cannot hold the result, fails before any SQL.
 *
 * @param <V> the Java type of the values
 */
public interface Expression<V> {
    /** The Java type of the values ({@code Long.class} for a count; {@code Object.class} when left open). */
    Class<V> type();
}
