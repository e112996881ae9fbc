package dev.quarry.query.expr;

import dev.quarry.query.QueryTree;
import dev.quarry.query.RenderContext;
import dev.quarry.spi.FieldType;

/**
 * An aggregate computed in a correlated subquery, {@code (SELECT COUNT(...) FROM ... WHERE
 * U0.pk = outer.pk)}: used when joining its relation into the main query would multiply the rows
 * another multi-valued join aggregates over (Django's ticket #10060), so each aggregate keeps its
 * true value.
 */
public record SubqueryAggregate(QueryTree subquery, Expr aggregate) implements Expr {
    @Override
    public void render(RenderContext ctx) {
        ctx.w().sql("(");
        ctx.scalarSubquery(subquery, aggregate);
        ctx.w().sql(")");
    }

    @Override
    public FieldType outputType() {
        return aggregate.outputType();
    }

    @Override
    public boolean containsAggregate() {
        return true;
    }

    @Override
    public boolean nullable() {
        return aggregate.nullable();
    }
}
