package dev.quarry.spi;

/** Where NULLs go in an ordering: where the database puts them, first, or last. */
public enum NullsOrder { DEFAULT, FIRST, LAST }
