package dev.quarry.query;

import dev.quarry.spi.Operations;
import dev.quarry.spi.SqlWriter;

/** What a query node needs to render itself: the writer, the backend's operations, nested selects. */
public interface RenderContext {
    /** The writer the SQL goes to. */
    SqlWriter w();

    /** The backend's operations. */
    Operations ops();

    /** The backend's capabilities and limits. */
    dev.quarry.spi.Features features();

    /** Writes {@code alias.column}, both quoted. */
    default void column(String alias, String column) {
        w().identifier(alias).sql(".").identifier(column);
    }

    /** Writes a nested {@code SELECT 1 ...} of this tree (for EXISTS). */
    void existsSubquery(QueryTree tree);

    /** Writes a nested {@code SELECT <value> ...} of this tree (a scalar subquery). */
    void scalarSubquery(QueryTree tree, dev.quarry.query.expr.Expr value);

    /** Writes the whole SELECT of this tree, ordering and limit included (a subquery selecting its values). */
    void subquery(QueryTree tree);

    /** Writes a reference to annotation {@code alias}: its expression, or its name where the query is wrapped. */
    default void annotation(String alias, dev.quarry.query.expr.Expr target) {
        target.render(this);
    }
}
