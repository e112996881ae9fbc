package dev.quarry.query.typed;

import dev.quarry.Q;

/**
 * A typed path to a text field ({@code Book_.title}, {@code Book_.author.name}): the comparisons and
 * the pattern lookups, each with its case-insensitive form, named as in Java
 * ({@code startsWith} for the string form's {@code startswith}).
 */
public final class StringPath extends ComparablePath<String> {
    /** A path to a text field. */
    public StringPath(String path) {
        super(path, String.class);
    }

    /** Equal ignoring case ({@code iexact}). */
    public Q iexact(String value) {
        return q("iexact", value);
    }

    /** Contains {@code value} ({@code contains}). */
    public Q contains(String value) {
        return q("contains", value);
    }

    /** Contains {@code value}, ignoring case ({@code icontains}). */
    public Q icontains(String value) {
        return q("icontains", value);
    }

    /** Starts with {@code value} ({@code startswith}). */
    public Q startsWith(String value) {
        return q("startswith", value);
    }

    /** Starts with {@code value}, ignoring case ({@code istartswith}). */
    public Q istartsWith(String value) {
        return q("istartswith", value);
    }

    /** Ends with {@code value} ({@code endswith}). */
    public Q endsWith(String value) {
        return q("endswith", value);
    }

    /** Ends with {@code value}, ignoring case ({@code iendswith}). */
    public Q iendsWith(String value) {
        return q("iendswith", value);
    }

    /** Matches the regular expression ({@code regex}; each database's own dialect). */
    public Q regex(String pattern) {
        return q("regex", pattern);
    }

    /** Matches the regular expression, ignoring case ({@code iregex}). */
    public Q iregex(String pattern) {
        return q("iregex", pattern);
    }

    private Q q(String lookup, String value) {
        return Q.of(path() + "__" + lookup, value);
    }
}
