package dev.quarry.expr;

/** Static factories for aggregates: {@code count("books")}, {@code avg("books__review__rating")}. */
public final class Aggregates {
    private Aggregates() {}

    /** The number of non-null values at the path; for a relation, the number of related rows. */
    public static Aggregate count(String path) {
        return new Aggregate(AggregateFunction.COUNT, path, false);
    }

    /** The number of values at the path, counting each distinct value once when {@code distinct}. */
    public static Aggregate count(String path, boolean distinct) {
        return new Aggregate(AggregateFunction.COUNT, path, distinct);
    }

    /** The average, as a {@code Double}; {@code null} when there are no values. */
    public static Aggregate avg(String path) {
        return new Aggregate(AggregateFunction.AVG, path, false);
    }

    /** The sum; {@code null} when there are no values. */
    public static Aggregate sum(String path) {
        return new Aggregate(AggregateFunction.SUM, path, false);
    }

    /** The smallest value; {@code null} when there are no values. */
    public static Aggregate min(String path) {
        return new Aggregate(AggregateFunction.MIN, path, false);
    }

    /** The largest value; {@code null} when there are no values. */
    public static Aggregate max(String path) {
        return new Aggregate(AggregateFunction.MAX, path, false);
    }
}
