package dev.quarry.spi;

/** Where a pattern lookup's text must occur: anywhere, at the start, at the end, or the whole value. */
public enum PatternKind { CONTAINS, STARTS_WITH, ENDS_WITH, EXACT }
