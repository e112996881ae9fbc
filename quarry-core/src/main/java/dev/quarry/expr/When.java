package dev.quarry.expr;

import dev.quarry.Q;
import java.util.Objects;

/**
 * One branch of a {@link Case}: the result {@code then} for rows matching {@code condition}. As in
 * Django, a {@code String} result names a field; use {@code Value.of("text")} for text.
 *
 * @param condition the rows it applies to
 * @param then the result for them
 */
public record When(Q condition, Expression<?> then) {
    /** Checks the parts. */
    public When {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(then, "then");
        if (condition.isEmpty()) {
            throw new dev.quarry.QueryError("When() needs a condition; Q.all() matches every row: use Case.otherwise");
        }
    }

    /** The result {@code then} (an expression, a field name, or a constant) where {@code condition} holds. */
    public static When of(Q condition, Object then) {
        return new When(condition, Args.field(then));
    }

    /** The result {@code then} where the lookup holds ({@code When.of("rating__gte", 4, Value.of("good"))}). */
    public static When of(String lookup, Object value, Object then) {
        return of(Q.of(lookup, value), then);
    }
}
