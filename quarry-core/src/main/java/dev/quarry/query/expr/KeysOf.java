package dev.quarry.query.expr;

import dev.quarry.query.QueryTree;
import dev.quarry.query.RenderContext;
import dev.quarry.spi.FieldType;

/**
 * {@code (SELECT "keys"."pk" FROM (<rows>) "keys")}: the primary keys of a query whose rows are
 * restricted by more than WHERE (HAVING, a slice), for {@code pk IN ...}. {@code rows} selects its
 * primary key as {@code pk}; the derived table lets MariaDB take a LIMIT inside IN.
 *
 * @param rows the query, selecting {@code values("pk")}
 * @param outputType the kind of the primary key
 */
public record KeysOf(QueryTree rows, FieldType outputType) implements Expr {
    @Override
    public void render(RenderContext ctx) {
        ctx.w().sql("(SELECT ").identifier("keys").sql(".").identifier("pk").sql(" FROM (");
        ctx.subquery(rows);
        ctx.w().sql(") ").identifier("keys").sql(")");
    }
}
