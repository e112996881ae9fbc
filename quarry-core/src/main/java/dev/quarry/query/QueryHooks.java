package dev.quarry.query;

import dev.quarry.Q;

/**
 * The two things the query package needs from the API package and cannot import (ADR 0002's
 * "shared secrets" bridge, as {@code internal.ModelAccess}): the structure of a {@link Q}, which
 * is opaque to users, and the tree of a query a user passed as a value ({@code Subquery.of(qs)},
 * {@code filter("author__in", qs)}), folded as a subquery of the tree being resolved.
 */
public final class QueryHooks {
    /** What the API package provides; installed by {@code dev.quarry.Q}'s static initializer. */
    public interface Facade {
        /** The condition a Q holds. */
        Condition condition(Q q);

        /** Whether {@code value} is a query (QuerySet, ValuesQuerySet, Manager, related manager). */
        boolean isQuery(Object value);

        /** The tree of {@code query}, resolved as a subquery of {@code outer}. */
        QueryTree fold(Object query, QueryTree outer);
    }

    private static volatile Facade facade;

    private QueryHooks() {}

    /** Installs the API package's side; called once, from {@code Q}'s static initializer. */
    public static void install(Facade f) {
        facade = f;
    }

    static Facade get() {
        Facade f = facade;
        if (f == null) {
            try {
                Class.forName("dev.quarry.Q", true, QueryHooks.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("dev.quarry.Q is missing", e);
            }
            f = facade;
        }
        return f;
    }

    /** The condition {@code q} holds. */
    static Condition condition(Q q) {
        return get().condition(q);
    }
}
