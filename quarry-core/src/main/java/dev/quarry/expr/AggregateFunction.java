package dev.quarry.expr;

/** The SQL aggregate functions Quarry can compute. */
public enum AggregateFunction { COUNT, AVG, SUM, MIN, MAX }
