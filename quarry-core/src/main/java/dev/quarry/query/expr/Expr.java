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
        // An indexed loop, neither a stream nor an iterator: this is asked of every term of every query built (W9).
        List<Expr> children = children();
        for (int i = 0; i < children.size(); i++) {
            if (children.get(i).containsAggregate()) {
                return true;
            }
        }
        return false;
    }

    /** Whether it contains a window function (never in WHERE, never in GROUP BY). */
    default boolean containsWindow() {
        List<Expr> children = children();
        for (int i = 0; i < children.size(); i++) {
            if (children.get(i).containsWindow()) {
                return true;
            }
        }
        return false;
    }

    /** Whether it may be NULL for a row that exists. */
    default boolean nullable() {
        return true;
    }
}
