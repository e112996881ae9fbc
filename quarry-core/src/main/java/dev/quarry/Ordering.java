package dev.quarry;

/**
 * One term of an {@code orderBy}: a lookup path or annotation alias (or {@code "?"}, random order),
 * or an expression ({@code F.of("rating").desc()}), a direction and where NULLs go.
 * {@code Ordering.desc("avg_rating").nullsLast()}. A value; every method returns a copy.
 *
 * @param path the lookup path or annotation alias, or {@code null} when ordering by an expression
 * @param descending whether larger values come first
 * @param nulls where NULLs go
 * @param expression the expression ordered by, or {@code null} when ordering by a path
 */
public record Ordering(String path, boolean descending, Nulls nulls, dev.quarry.expr.Expression<?> expression) {
    /** Where NULLs go: where the database puts them (SQLite and MariaDB first ascending, PostgreSQL last), first, or last. */
    public enum Nulls {
        /** Where the database puts them. */
        DEFAULT,
        /** Before every value, on every database. */
        FIRST,
        /** After every value, on every database. */
        LAST
    }

    /** Checks the parts: a path or an expression, not both. */
    public Ordering {
        if (expression == null && (path == null || path.isEmpty())) {
            throw new FieldError("An ordering needs a field path or annotation alias; got " + (path == null ? "null" : "''"));
        }
        if (expression != null && path != null) {
            throw new FieldError("An ordering is by a path or by an expression, not both");
        }
        java.util.Objects.requireNonNull(nulls, "nulls");
    }

    /** A term ordering by a path. */
    public Ordering(String path, boolean descending, Nulls nulls) {
        this(path, descending, nulls, null);
    }

    /** A term ordering by an expression ({@code Expression.asc()} and {@code desc()} call it). */
    public static Ordering by(dev.quarry.expr.Expression<?> expression, boolean descending) {
        return new Ordering(null, descending, Nulls.DEFAULT, java.util.Objects.requireNonNull(expression, "expression"));
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
        return new Ordering(path, descending, Nulls.FIRST, expression);
    }

    /** The same term with NULLs last, on every database. */
    public Ordering nullsLast() {
        return new Ordering(path, descending, Nulls.LAST, expression);
    }

    /** The same term in the other direction (NULLs that were first become last). */
    public Ordering reversed() {
        Nulls flipped = switch (nulls) {
            case FIRST -> Nulls.LAST;
            case LAST -> Nulls.FIRST;
            default -> Nulls.DEFAULT;
        };
        return new Ordering(path, !descending, flipped, expression);
    }

    @Override
    public String toString() {
        return (descending ? "-" : "") + (expression != null ? expression.toString() : path) + (nulls == Nulls.DEFAULT ? "" : " nulls " + nulls.name().toLowerCase(java.util.Locale.ROOT));
    }
}
