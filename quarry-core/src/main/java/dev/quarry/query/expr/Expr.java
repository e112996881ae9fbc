package dev.quarry.query.expr;

import dev.quarry.query.RenderContext;
import dev.quarry.spi.FieldType;
import java.util.List;

/**
 * A resolved SQL expression: a column, a value, an aggregate, a function, a subquery. Nodes are
 * immutable records that render themselves through the {@link RenderContext}; what differs per
 * database is asked of the backend's {@code Operations}.
 */
public interface Expr {
    /** Writes the expression. */
    void render(RenderContext ctx);

    /** The kind of value it produces, which picks the column reader. */
    FieldType outputType();

    /** The expressions it is made of (for checks that walk the tree). */
    default List<Expr> children() {
        return List.of();
    }

    /** Whether it contains an aggregate (and so belongs in HAVING, and asks for GROUP BY). */
    default boolean containsAggregate() {
        return children().stream().anyMatch(Expr::containsAggregate);
    }

    /** Whether it contains a window function (never in WHERE, never in GROUP BY). */
    default boolean containsWindow() {
        return children().stream().anyMatch(Expr::containsWindow);
    }

    /** Whether it may be NULL for a row that exists. */
    default boolean nullable() {
        return true;
    }
}
