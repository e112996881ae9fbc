package dev.quarry.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A conditional value: the result of the first {@link When} whose condition holds, else
 * {@code otherwise} (NULL when not given): {@code Case.of(When.of("rating__gte", 4, Value.of("good"))).otherwise(Value.of("other"))}.
 * Conditions on relations join with LEFT OUTER joins, so no row is lost. The results must have one
 * kind of value (numbers of different kinds widen).
 *
 * @param whens the branches, in order
 * @param otherwise the result where no branch holds, or {@code null} for NULL
 * @param type the Java type of the result
 * @param <V> the Java type of the result
 */
public record Case<V>(List<When> whens, Expression<?> otherwise, Class<V> type) implements Expression<V> {
    /** Checks the parts: at least one branch. */
    public Case {
        whens = List.copyOf(whens);
        Objects.requireNonNull(type, "type");
        if (whens.isEmpty()) {
            throw new dev.quarry.QueryError("Case needs at least one When");
        }
    }

    /** The branches, in order, with NULL where none holds. */
    public static Case<Object> of(When first, When... more) {
        List<When> all = new ArrayList<>(1 + more.length);
        all.add(first);
        all.addAll(List.of(more));
        return new Case<>(all, null, Object.class);
    }

    /** The same branches with this result (an expression, a field name, or a constant) where none holds. */
    public Case<V> otherwise(Object result) {
        return new Case<>(whens, Args.field(result), type);
    }

    /** The same case read as {@code resultType}, checked against its results when resolved. */
    public <W> Case<W> as(Class<W> resultType) {
        return new Case<>(whens, otherwise, resultType);
    }
}
