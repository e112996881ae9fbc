package dev.quarry.expr;

/** The SQL aggregate functions Quarry can compute. */
public enum AggregateFunction {
    /** {@code COUNT}: the number of rows or non-NULL values. */
    COUNT,
    /** {@code AVG}: the mean of the non-NULL values. */
    AVG,
    /** {@code SUM}: the total of the non-NULL values. */
    SUM,
    /** {@code MIN}: the smallest non-NULL value. */
    MIN,
    /** {@code MAX}: the largest non-NULL value. */
    MAX
}
