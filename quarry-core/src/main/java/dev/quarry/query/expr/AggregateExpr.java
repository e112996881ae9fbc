package dev.quarry.query.expr;

import dev.quarry.expr.AggregateFunction;
import dev.quarry.query.RenderContext;
import dev.quarry.spi.FieldType;

/** {@code COUNT/AVG/SUM/MIN/MAX([DISTINCT] arg)} over a resolved column. */
public record AggregateExpr(AggregateFunction function, Expr argument, boolean distinct) implements Expr {
    @Override
    public void render(RenderContext ctx) {
        ctx.w().sql(function.name()).sql(distinct ? "(DISTINCT " : "(");
        if (function == AggregateFunction.AVG) {
            ctx.ops().averageArgument(ctx.w(), () -> argument.render(ctx));
        } else {
            argument.render(ctx);
        }
        ctx.w().sql(")");
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
    public boolean containsAggregate() {
        return true;
    }

    @Override
    public boolean nullable() {
        return function != AggregateFunction.COUNT;
    }
}
