package dev.quarry.query.typed;

import dev.quarry.Q;
import dev.quarry.expr.Aggregate;
import dev.quarry.expr.Aggregates;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Objects;

/**
 * What every typed path has, a field's ({@link FieldPath}) or a relation's ({@link RelatedPath}): its
 * lookup string and the lookups valid for any value, each returning what the string form returns
 * ({@code Book_.isbn.in("a", "b")} equals {@code Q.of("isbn__in", List.of("a", "b"))}).
 *
 * @param <T> the Java type of the values (for a relation, the model at the far end)
 */
public abstract sealed class TypedPath<T> permits FieldPath, RelatedPath {
    private final String path;

    TypedPath(String path) {
        this.path = Paths.check(path);
    }

    /** The lookup string of this path, as {@code filter(String, Object)} takes it ({@code "author__name"}). */
    public final String path() {
        return path;
    }

    /** Equal to {@code value} ({@code exact}; for a relation, related to this instance); {@code null} means IS NULL. */
    public final Q eq(T value) {
        return Q.of(path, value);
    }

    /** One of these values ({@code in}). */
    public final Q in(Collection<? extends T> values) {
        return Q.of(path + "__in", Objects.requireNonNull(values, "values"));
    }

    /** One of these values ({@code in}). */
    @SafeVarargs
    public final Q in(T... values) {
        return Q.of(path + "__in", Collections.unmodifiableList(Arrays.asList(values.clone())));
    }

    /**
     * NULL ({@code true}) or not ({@code false}); for a multi-valued relation, without any related row:
     * {@code Author_.books.isNull(true)} finds authors without books, as {@code "books__isnull"} does.
     */
    public final Q isNull(boolean isNull) {
        return Q.of(path + "__isnull", isNull);
    }

    /**
     * A lookup by name, for those the path types do not name (custom lookups registered through the
     * SPI, JSON keys): {@code Book_.isbn.lookup("regex", "^97")} is {@code Q.of("isbn__regex", "^97")}.
     * Checked when the QuerySet is built, as the string form is.
     */
    public final Q lookup(String lookup, Object value) {
        return Q.of(path + "__" + Paths.check(lookup), value);
    }

    /** The number of non-null values (for a relation, of related rows): {@code count(path())}. */
    public final Aggregate<Long> count() {
        return Aggregates.count(path);
    }

    /** The number of distinct non-null values (related rows): {@code count(path(), true)}. */
    public final Aggregate<Long> countDistinct() {
        return Aggregates.count(path, true);
    }

    /** The lookup string ({@code author__name}). */
    @Override
    public final String toString() {
        return path;
    }
}
