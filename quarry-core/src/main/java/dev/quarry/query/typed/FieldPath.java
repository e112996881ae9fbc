package dev.quarry.query.typed;

import dev.quarry.Ordering;
import dev.quarry.Q;
import dev.quarry.expr.Aggregate;
import dev.quarry.expr.Aggregates;
import dev.quarry.expr.F;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Objects;

/**
 * A typed path to a field ({@code Book_.isbn}, {@code Book_.author.name}): the lookups every field
 * has, orderings, and the field as an expression. Each method returns what the lookup string
 * {@link #path()} would give ({@code Book_.isbn.eq("x")} equals {@code Q.of("isbn", "x")}). The
 * subclasses add the lookups of their kind of value. An immutable value, equal to another path of the
 * same string and type.
 *
 * @param <T> the Java type of the field's values
 */
public class FieldPath<T> {
    private final String path;
    private final Class<T> type;

    /** A path to a field of values of {@code type}; generated metamodels call it, code reads the constants. */
    public FieldPath(String path, Class<T> type) {
        this.path = Paths.check(path);
        this.type = Objects.requireNonNull(type, "type");
    }

    /** The lookup string of this path, as {@code filter(String, Object)} takes it ({@code "author__name"}). */
    public final String path() {
        return path;
    }

    /** The Java type of the field's values ({@code String.class}); {@code valuesList(path)} returns values of it. */
    public final Class<T> type() {
        return type;
    }

    /** Equal to {@code value} ({@code exact}; {@code null} means IS NULL, as in the string form). */
    public final Q eq(T value) {
        return Q.of(path, value);
    }

    /** Equal to another field of the same row ({@code F}): {@code Book_.title.eq(Book_.isbn)}. */
    public final Q eq(FieldPath<?> other) {
        return Q.of(path, other.f());
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

    /** The field is NULL ({@code true}) or not ({@code false}). */
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

    /** An ascending ordering by this field, for {@code orderBy} ({@code Book_.title.asc()} is {@code "title"}). */
    public final Ordering asc() {
        return Ordering.asc(path);
    }

    /** A descending ordering by this field, for {@code orderBy} ({@code Book_.title.desc()} is {@code "-title"}). */
    public final Ordering desc() {
        return Ordering.desc(path);
    }

    /** This field as an expression, {@code F.of(path())}, for arithmetic, functions and {@code update}. */
    public final F f() {
        return F.of(path);
    }

    /** The number of non-null values of this field: {@code count(path())}. */
    public final Aggregate<Long> count() {
        return Aggregates.count(path);
    }

    /** The number of distinct non-null values of this field: {@code count(path(), true)}. */
    public final Aggregate<Long> countDistinct() {
        return Aggregates.count(path, true);
    }

    /** Equal when both have the same path and value type. */
    @Override
    public final boolean equals(Object o) {
        return o instanceof FieldPath<?> p && p.getClass() == getClass() && p.path.equals(path) && p.type == type;
    }

    @Override
    public final int hashCode() {
        return path.hashCode() * 31 + type.hashCode();
    }

    /** The lookup string ({@code author__name}). */
    @Override
    public final String toString() {
        return path;
    }
}
