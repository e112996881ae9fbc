package dev.quarry.converters;

/** A wrapped id of another system's customer. */
public record CustomerId(long value) {}
