package dev.quarry.query.expr;

import dev.quarry.query.RenderContext;
import dev.quarry.spi.FieldType;

/** A resolved SQL expression: a column, a value, an aggregate, a transform. */
public interface Expr {
    /** Writes the expression. */
    void render(RenderContext ctx);

    /** The kind of value it produces, which picks the column reader. */
    FieldType outputType();

    /** Whether it contains an aggregate (and so belongs in HAVING, and asks for GROUP BY). */
    default boolean containsAggregate() {
        return false;
    }

    /** Whether it may be NULL for a row that exists. */
    default boolean nullable() {
        return true;
    }
}
