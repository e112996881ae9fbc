package dev.quarry;

import dev.quarry.spi.NullsOrder;

/**
 * One term of an {@code orderBy}: a lookup path or annotation alias, a direction and where NULLs
 * go. {@code Ordering.desc("avg_rating").nullsLast()}. A value; every method returns a copy.
 */
public record Ordering(String path, boolean descending, NullsOrder nulls) {
    /** Ascending by this path. */
    public static Ordering asc(String path) {
        return new Ordering(path, false, NullsOrder.DEFAULT);
    }

    /** Descending by this path. */
    public static Ordering desc(String path) {
        return new Ordering(path, true, NullsOrder.DEFAULT);
    }

    /** Parses Django's form: {@code "name"} ascending, {@code "-name"} descending. */
    public static Ordering parse(String term) {
        if (term == null || term.isEmpty() || term.equals("-")) {
            throw new FieldError("Invalid order_by term: '" + term + "'");
        }
        return term.startsWith("-") ? desc(term.substring(1)) : asc(term);
    }

    /** The same term with NULLs first, on every database. */
    public Ordering nullsFirst() {
        return new Ordering(path, descending, NullsOrder.FIRST);
    }

    /** The same term with NULLs last, on every database. */
    public Ordering nullsLast() {
        return new Ordering(path, descending, NullsOrder.LAST);
    }

    /** The same term in the other direction. */
    public Ordering reversed() {
        NullsOrder flipped = switch (nulls) {
            case FIRST -> NullsOrder.LAST;
            case LAST -> NullsOrder.FIRST;
            default -> NullsOrder.DEFAULT;
        };
        return new Ordering(path, !descending, flipped);
    }

    @Override
    public String toString() {
        return (descending ? "-" : "") + path + (nulls == NullsOrder.DEFAULT ? "" : " nulls " + nulls.name().toLowerCase());
    }
}
