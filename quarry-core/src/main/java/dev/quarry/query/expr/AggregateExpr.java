package dev.quarry.query.expr;

import dev.quarry.expr.AggregateFunction;
import dev.quarry.query.RenderContext;
import dev.quarry.query.Where;
import dev.quarry.spi.Feature;
import dev.quarry.spi.FieldType;
import java.util.List;

/**
 * {@code COUNT/AVG/SUM/MIN/MAX([DISTINCT] arg)} over a resolved expression; with a {@code filter},
 * {@code FILTER (WHERE ...)} where the database has it and {@code CASE WHEN ... THEN arg END}
 * inside the function elsewhere, which every aggregate skips as NULL.
 */
public record AggregateExpr(AggregateFunction function, Expr argument, boolean distinct, Where filter) implements Expr {
    /** An aggregate over every row. */
    public AggregateExpr(AggregateFunction function, Expr argument, boolean distinct) {
        this(function, argument, distinct, null);
    }

    @Override
    public void render(RenderContext ctx) {
        boolean filterClause = filter != null && ctx.features().has(Feature.AGGREGATE_FILTER_CLAUSE);
        Runnable arg = filter == null || filterClause ? () -> argument.render(ctx) : () -> {
            ctx.w().sql("CASE WHEN ");
            filter.render(ctx);
            ctx.w().sql(" THEN ");
            argument.render(ctx);
            ctx.w().sql(" ELSE NULL END");
        };
        ctx.w().sql(function.name()).sql(distinct ? "(DISTINCT " : "(");
        if (function == AggregateFunction.AVG) {
            ctx.ops().averageArgument(ctx.w(), arg);
        } else {
            arg.run();
        }
        ctx.w().sql(")");
        if (filterClause) {
            ctx.w().sql(" FILTER (WHERE ");
            filter.render(ctx);
            ctx.w().sql(")");
        }
    }

    @Override
    public FieldType outputType() {
        FieldType in = argument.outputType();
        return switch (function) {
            case COUNT -> FieldType.BIGINT;
            case AVG -> FieldType.FLOAT;
            case SUM -> in.isIntegral() ? FieldType.BIGINT : in;
            case MIN, MAX -> in;
        };
    }

    @Override
    public List<Expr> children() {
        return List.of(argument);
    }

    @Override
    public boolean containsAggregate() {
        return true;
    }

    @Override
    public boolean nullable() {
        return function != AggregateFunction.COUNT;
    }
}
