package dev.quarry.query.typed;

import dev.quarry.expr.Aggregate;
import dev.quarry.expr.Aggregates;

/**
 * A typed path to a numeric field ({@code Review_.rating}, {@code Book_.id}, a date part such as
 * {@code Book_.publishedDate.year()}): the comparisons, and {@code sum}/{@code avg}.
 *
 * @param <N> the Java type of the field's values ({@code Integer} for an {@code int} field)
 */
public final class NumberPath<N extends Number & Comparable<N>> extends ComparablePath<N> {
    /** A path to a numeric field of values of {@code type}. */
    public NumberPath(String path, Class<N> type) {
        super(path, type);
    }

    /** The sum: {@code sum(path())} (a {@code Long} for integer fields, as the string form gives). */
    public Aggregate<Number> sum() {
        return Aggregates.sum(path());
    }

    /** The average as a {@code Double}: {@code avg(path())}. */
    public Aggregate<Double> avg() {
        return Aggregates.avg(path());
    }
}
