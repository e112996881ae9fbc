package dev.quarry.converters;

/** A stock-keeping unit code. */
public record Sku(String code) {}
