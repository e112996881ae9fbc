package dev.quarry.query.expr;

import dev.quarry.QueryError;
import dev.quarry.query.RenderContext;
import dev.quarry.spi.FieldType;

/**
 * An {@code OuterRef} not yet resolved: the query holding it was built on its own, and is resolved
 * again, against its enclosing query, when that query uses it as a subquery. Rendering one means
 * the query ran on its own, which is refused.
 */
public record OuterRefExpr(String path, int depth) implements Expr {
    @Override
    public void render(RenderContext ctx) {
        throw unresolved(path);
    }

    /** The error for a query with an OuterRef run outside a subquery. */
    public static QueryError unresolved(String path) {
        return new QueryError("This query refers to an enclosing query with OuterRef('" + path + "') and can only run "
                + "inside Subquery(...) or Exists(...) of another query");
    }

    @Override
    public FieldType outputType() {
        return FieldType.BIGINT;
    }
}
