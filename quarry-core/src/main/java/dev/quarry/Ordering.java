package dev.quarry;

/**
 * One term of an {@code orderBy}: a lookup path or annotation alias, a direction and where NULLs
 * go. {@code Ordering.desc("avg_rating").nullsLast()}. A value; every method returns a copy.
 *
 * @param path the lookup path or annotation alias
 * @param descending whether larger values come first
 * @param nulls where NULLs go
 */
public record Ordering(String path, boolean descending, Nulls nulls) {
    /** Where NULLs go: where the database puts them (SQLite and MariaDB first ascending, PostgreSQL last), first, or last. */
    public enum Nulls {
        /** Where the database puts them. */
        DEFAULT,
        /** Before every value, on every database. */
        FIRST,
        /** After every value, on every database. */
        LAST
    }

    /** Checks the parts. */
    public Ordering {
        if (path == null || path.isEmpty()) {
            throw new FieldError("An ordering needs a field path or annotation alias; got " + (path == null ? "null" : "''"));
        }
        java.util.Objects.requireNonNull(nulls, "nulls");
    }

    /** Ascending by this path. */
    public static Ordering asc(String path) {
        return new Ordering(path, false, Nulls.DEFAULT);
    }

    /** Descending by this path. */
    public static Ordering desc(String path) {
        return new Ordering(path, true, Nulls.DEFAULT);
    }

    /** Parses Django's form: {@code "name"} ascending, {@code "-name"} descending. */
    public static Ordering parse(String term) {
        if (term == null || term.isEmpty() || term.equals("-")) {
            throw new FieldError("Invalid order_by term: '" + term + "'; use \"field\" or \"-field\"");
        }
        return term.startsWith("-") ? desc(term.substring(1)) : asc(term);
    }

    /** The same term with NULLs first, on every database. */
    public Ordering nullsFirst() {
        return new Ordering(path, descending, Nulls.FIRST);
    }

    /** The same term with NULLs last, on every database. */
    public Ordering nullsLast() {
        return new Ordering(path, descending, Nulls.LAST);
    }

    /** The same term in the other direction (NULLs that were first become last). */
    public Ordering reversed() {
        Nulls flipped = switch (nulls) {
            case FIRST -> Nulls.LAST;
            case LAST -> Nulls.FIRST;
            default -> Nulls.DEFAULT;
        };
        return new Ordering(path, !descending, flipped);
    }

    @Override
    public String toString() {
        return (descending ? "-" : "") + path + (nulls == Nulls.DEFAULT ? "" : " nulls " + nulls.name().toLowerCase(java.util.Locale.ROOT));
    }
}
