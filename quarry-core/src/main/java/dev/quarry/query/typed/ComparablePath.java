package dev.quarry.query.typed;

import dev.quarry.Q;
import dev.quarry.expr.Aggregate;
import dev.quarry.expr.Aggregates;
import java.util.List;
import java.util.Objects;

/**
 * A typed path to a field whose values have an order (times, durations; numbers, text and dates
 * through their own subclasses): {@code gt}, {@code gte}, {@code lt}, {@code lte}, {@code range},
 * and {@code min}/{@code max} typed by the field.
 *
 * @param <T> the Java type of the field's values
 */
public class ComparablePath<T extends Comparable<? super T>> extends FieldPath<T> {
    /** A path to an ordered field of values of {@code type}. */
    public ComparablePath(String path, Class<T> type) {
        super(path, type);
    }

    /** Greater than {@code value} ({@code gt}). */
    public final Q gt(T value) {
        return Q.of(path() + "__gt", value);
    }

    /** Greater than or equal to {@code value} ({@code gte}). */
    public final Q gte(T value) {
        return Q.of(path() + "__gte", value);
    }

    /** Less than {@code value} ({@code lt}). */
    public final Q lt(T value) {
        return Q.of(path() + "__lt", value);
    }

    /** Less than or equal to {@code value} ({@code lte}). */
    public final Q lte(T value) {
        return Q.of(path() + "__lte", value);
    }

    /** Greater than another field of the same row: {@code Q.of(path + "__gt", F.of(other))}. */
    public final Q gt(FieldPath<?> other) {
        return Q.of(path() + "__gt", other.f());
    }

    /** Greater than or equal to another field of the same row. */
    public final Q gte(FieldPath<?> other) {
        return Q.of(path() + "__gte", other.f());
    }

    /** Less than another field of the same row. */
    public final Q lt(FieldPath<?> other) {
        return Q.of(path() + "__lt", other.f());
    }

    /** Less than or equal to another field of the same row. */
    public final Q lte(FieldPath<?> other) {
        return Q.of(path() + "__lte", other.f());
    }

    /** Between {@code from} and {@code to}, both included ({@code range}, SQL's BETWEEN). */
    public final Q range(T from, T to) {
        return Q.of(path() + "__range", List.of(Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to")));
    }

    /** The smallest value, typed by the field: {@code min(path(), type())}. */
    public final Aggregate<T> min() {
        return Aggregates.min(path(), type());
    }

    /** The largest value, typed by the field: {@code max(path(), type())}. */
    public final Aggregate<T> max() {
        return Aggregates.max(path(), type());
    }
}
