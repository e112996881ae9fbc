package dev.quarry.spi;

/**
 * Writes SQL text and collects its bind parameters. Text enters only from constants and quoted
 * identifiers; every value goes through {@link #param(Object)}.
 */
public interface SqlWriter {
    /** Appends constant SQL text (a keyword, an operator, punctuation), never a caller's value. */
    SqlWriter sql(String constant);

    /** Appends a quoted identifier taken from model metadata. */
    SqlWriter identifier(String name);

    /** Appends a placeholder and records the value as its bind parameter. */
    SqlWriter param(Object value);

    /**
     * Appends {@code (?, ?), (?, ?), ...}: {@code rows} rows of {@code width} placeholders for
     * {@code values[from]} onwards, row after row, each recorded as by {@link #param(Object)}.
     */
    SqlWriter valueRows(Object[] values, int from, int rows, int width);
}
