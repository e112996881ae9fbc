package dev.quarry.spi;

/** Where a pattern lookup's text must occur: anywhere, at the start, at the end, or the whole value. */
public enum PatternKind {
    /** Anywhere in the value ({@code __contains}). */
    CONTAINS,
    /** At the start of the value ({@code __startswith}). */
    STARTS_WITH,
    /** At the end of the value ({@code __endswith}). */
    ENDS_WITH,
    /** The whole value ({@code __iexact}). */
    EXACT
}
