package dev.quarry.expr;

import dev.quarry.Ordering;

/**
 * A value computed by the database for each row (or each group), typed by the Java values it
 * produces: {@code Expression<Long>} for {@code count("books")}. Passed to {@code annotate},
 * {@code alias}, {@code aggregate}, {@code filter} (as a value), {@code orderBy} and
 * {@code update}; resolved against a model when the QuerySet is built, so a path that names no
 * field, a type mismatch ({@code F.of("title").plus(1)}) or a type that cannot hold the result
 * fails before any SQL.
 *
 * <p>Arithmetic combines expressions and constants: a Java value other than an expression becomes
 * a {@link Value} ({@code F.of("stock").minus(1)}). Where a function or a case expects an
 * expression, a {@code String} names a field ({@code lower("name")}), as in Django.
 *
 * @param <V> the Java type of the values
 */
public sealed interface Expression<V> permits F, OuterRef, Value, Combined, Func, Case, Subquery, Exists, Window,
        Aggregate {
    /** The Java type of the values ({@code Long.class} for a count; {@code Object.class} when left open). */
    Class<V> type();

    /** This plus {@code other} (an expression or a constant). */
    default Expression<Object> plus(Object other) {
        return new Combined(this, Combined.Operator.ADD, Args.value(other));
    }

    /** This minus {@code other} (an expression or a constant). */
    default Expression<Object> minus(Object other) {
        return new Combined(this, Combined.Operator.SUBTRACT, Args.value(other));
    }

    /** This times {@code other} (an expression or a constant). */
    default Expression<Object> times(Object other) {
        return new Combined(this, Combined.Operator.MULTIPLY, Args.value(other));
    }

    /** This divided by {@code other}; whole numbers divide to a whole number on every database, as in Django. */
    default Expression<Object> div(Object other) {
        return new Combined(this, Combined.Operator.DIVIDE, Args.value(other));
    }

    /** The remainder of this divided by {@code other}. */
    default Expression<Object> mod(Object other) {
        return new Combined(this, Combined.Operator.MODULO, Args.value(other));
    }

    /** An ascending ordering by this expression, for {@code orderBy} ({@code F.of("rating").asc().nullsLast()}). */
    default Ordering asc() {
        return Ordering.by(this, false);
    }

    /** A descending ordering by this expression, for {@code orderBy}. */
    default Ordering desc() {
        return Ordering.by(this, true);
    }
}
