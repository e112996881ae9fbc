package dev.quarry.expr;

import dev.quarry.Q;
import java.math.BigDecimal;

/**
 * Static factories for aggregates: {@code count("books")}, {@code avg("books__review__rating")}.
 * Each returns an {@link Aggregate} typed by its result; {@code sum}, {@code min} and {@code max}
 * take the result type when the caller wants it checked ({@code max("published_date", LocalDate.class)}).
 * Each also takes a condition ({@code count("books", Q.of("books__rating__gte", 4))}: only those
 * rows count; FILTER where the database has it, CASE elsewhere) and an expression instead of a path
 * ({@code sum(F.of("price").times(F.of("stock")))}).
 */
public final class Aggregates {
    private Aggregates() {}

    /** The number of non-null values at the path; for a relation, the number of related rows. */
    public static Aggregate<Long> count(String path) {
        return new Aggregate<>(AggregateFunction.COUNT, path, false, Long.class);
    }

    /** The number of values at the path, counting each distinct value once when {@code distinct}. */
    public static Aggregate<Long> count(String path, boolean distinct) {
        return new Aggregate<>(AggregateFunction.COUNT, path, distinct, Long.class);
    }

    /** The average, as a {@code Double}; {@code null} when there are no values. */
    public static Aggregate<Double> avg(String path) {
        return new Aggregate<>(AggregateFunction.AVG, path, false, Double.class);
    }

    /**
     * The sum; {@code null} when there are no values. A {@code Long} for integer fields, a
     * {@code Double} for float fields, a {@link BigDecimal} for decimal fields.
     */
    public static Aggregate<Number> sum(String path) {
        return new Aggregate<>(AggregateFunction.SUM, path, false, Number.class);
    }

    /** The sum as {@code type} ({@code Long.class}, {@code BigDecimal.class}), checked against the field. */
    public static <V extends Number> Aggregate<V> sum(String path, Class<V> type) {
        return new Aggregate<>(AggregateFunction.SUM, path, false, type);
    }

    /** The smallest value, of the field's Java type; {@code null} when there are no values. */
    public static Aggregate<Object> min(String path) {
        return new Aggregate<>(AggregateFunction.MIN, path, false, Object.class);
    }

    /** The smallest value as {@code type} ({@code LocalDate.class}), checked against the field. */
    public static <V> Aggregate<V> min(String path, Class<V> type) {
        return new Aggregate<>(AggregateFunction.MIN, path, false, type);
    }

    /** The largest value, of the field's Java type; {@code null} when there are no values. */
    public static Aggregate<Object> max(String path) {
        return new Aggregate<>(AggregateFunction.MAX, path, false, Object.class);
    }

    /** The largest value as {@code type}, checked against the field. */
    public static <V> Aggregate<V> max(String path, Class<V> type) {
        return new Aggregate<>(AggregateFunction.MAX, path, false, type);
    }

    /** The number of non-null values at the path among the rows matching {@code filter}. */
    public static Aggregate<Long> count(String path, Q filter) {
        return count(path).filter(filter);
    }

    /** The number of non-null values of an expression. */
    public static Aggregate<Long> count(Expression<?> expression) {
        return new Aggregate<>(AggregateFunction.COUNT, expression, false, Q.all(), Long.class);
    }

    /** The average over the rows matching {@code filter}. */
    public static Aggregate<Double> avg(String path, Q filter) {
        return avg(path).filter(filter);
    }

    /** The average of an expression, as a {@code Double}. */
    public static Aggregate<Double> avg(Expression<?> expression) {
        return new Aggregate<>(AggregateFunction.AVG, expression, false, Q.all(), Double.class);
    }

    /** The sum over the rows matching {@code filter}. */
    public static Aggregate<Number> sum(String path, Q filter) {
        return sum(path).filter(filter);
    }

    /** The sum of an expression. */
    public static Aggregate<Number> sum(Expression<?> expression) {
        return new Aggregate<>(AggregateFunction.SUM, expression, false, Q.all(), Number.class);
    }

    /** The smallest value among the rows matching {@code filter}. */
    public static Aggregate<Object> min(String path, Q filter) {
        return min(path).filter(filter);
    }

    /** The smallest value of an expression. */
    public static Aggregate<Object> min(Expression<?> expression) {
        return new Aggregate<>(AggregateFunction.MIN, expression, false, Q.all(), Object.class);
    }

    /** The largest value among the rows matching {@code filter}. */
    public static Aggregate<Object> max(String path, Q filter) {
        return max(path).filter(filter);
    }

    /** The largest value of an expression. */
    public static Aggregate<Object> max(Expression<?> expression) {
        return new Aggregate<>(AggregateFunction.MAX, expression, false, Q.all(), Object.class);
    }
}
