package dev.quarry.query.typed;

import dev.quarry.Ordering;
import dev.quarry.Q;
import dev.quarry.expr.F;
import java.util.Objects;

/**
 * A typed path to a field ({@code Book_.isbn}, {@code Book_.author.name}): the lookups every field
 * has ({@link TypedPath}), orderings, and the field as an expression. Each method returns what the lookup string
 * {@link #path()} would give ({@code Book_.isbn.eq("x")} equals {@code Q.of("isbn", "x")}). The
 * subclasses add the lookups of their kind of value. An immutable value, equal to another path of the
 * same string and type.
 *
 * @param <T> the Java type of the field's values
 */
public non-sealed class FieldPath<T> extends TypedPath<T> {
    private final Class<T> type;

    /** A path to a field of values of {@code type}; generated metamodels call it, code reads the constants. */
    public FieldPath(String path, Class<T> type) {
        super(path);
        this.type = Objects.requireNonNull(type, "type");
    }

    /** The Java type of the field's values ({@code String.class}); {@code valuesList(path)} returns values of it. */
    public final Class<T> type() {
        return type;
    }

    /** Equal to another field of the same row ({@code F}): {@code Book_.title.eq(Book_.isbn)}. */
    public final Q eq(FieldPath<?> other) {
        return Q.of(path(), other.f());
    }

    /** An ascending ordering by this field, for {@code orderBy} ({@code Book_.title.asc()} is {@code "title"}). */
    public final Ordering asc() {
        return Ordering.asc(path());
    }

    /** A descending ordering by this field, for {@code orderBy} ({@code Book_.title.desc()} is {@code "-title"}). */
    public final Ordering desc() {
        return Ordering.desc(path());
    }

    /** This field as an expression, {@code F.of(path())}, for arithmetic, functions and {@code update}. */
    public final F f() {
        return F.of(path());
    }

    /** Equal when both have the same path, path type and value type. */
    @Override
    public final boolean equals(Object o) {
        return o instanceof FieldPath<?> p && p.getClass() == getClass() && p.path().equals(path()) && p.type == type;
    }

    @Override
    public final int hashCode() {
        return path().hashCode() * 31 + type.hashCode();
    }
}
