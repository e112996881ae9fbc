package dev.quarry;

/**
 * A QuerySet was asked for something it cannot express (a filter after a slice, a negative limit,
 * an unknown field, a value of the wrong type); thrown while the QuerySet is built, before any SQL.
 */
public class QueryError extends QuarryException {
    private static final long serialVersionUID = 1L;

    /** A query-building error with this message. */
    public QueryError(String message) {
        super(message);
    }
}
