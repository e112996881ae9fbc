package dev.quarry.query.expr;

import dev.quarry.expr.Window;
import dev.quarry.query.OrderTerm;
import dev.quarry.query.RenderContext;
import dev.quarry.spi.FieldType;
import dev.quarry.spi.WindowCall;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code function OVER (PARTITION BY ... ORDER BY ... ROWS|RANGE BETWEEN ... AND ...)}, written by the
 * backend's {@code Operations.window} from its parts (a {@code WindowCall}). An aggregate
 * here is windowed, not grouped: the node asks for GROUP BY only when its parts hold a grouped
 * aggregate ({@code RANK() OVER (ORDER BY COUNT(...))}).
 */
public record WindowExpr(Expr function, List<Expr> partitionBy, List<OrderTerm> orderBy, Window.Frame frame)
        implements Expr {
    /** Copies the parts. */
    public WindowExpr {
        partitionBy = List.copyOf(partitionBy);
        orderBy = List.copyOf(orderBy);
    }

    @Override
    public void render(RenderContext ctx) {
        List<Runnable> args = new ArrayList<>();
        List<FieldType> types = new ArrayList<>();
        String name;
        boolean readsFrame;
        if (function instanceof FuncCall fc) {
            name = fc.function().name();
            readsFrame = fc.function().readsFrame();
            for (Expr a : fc.arguments()) {
                args.add(() -> a.render(ctx));
                types.add(a.outputType());
            }
        } else {
            name = ((AggregateExpr) function).function().name();
            readsFrame = true;
        }
        Runnable partition = partitionBy.isEmpty() ? null : () -> {
            ctx.w().sql("PARTITION BY ");
            for (int i = 0; i < partitionBy.size(); i++) {
                ctx.w().sql(i > 0 ? ", " : "");
                partitionBy.get(i).render(ctx);
            }
        };
        Runnable order = orderBy.isEmpty() ? null : () -> {
            ctx.w().sql("ORDER BY ");
            for (int i = 0; i < orderBy.size(); i++) {
                ctx.w().sql(i > 0 ? ", " : "");
                OrderTerm o = orderBy.get(i);
                ctx.ops().orderTerm(ctx.w(), () -> o.expr().render(ctx), o.descending(), o.nulls());
            }
        };
        Runnable rows = frame == null ? null : () -> {
            ctx.w().sql(frame.rows() ? "ROWS" : "RANGE").sql(" BETWEEN ");
            bound(ctx, frame.start(), "UNBOUNDED PRECEDING");
            ctx.w().sql(" AND ");
            bound(ctx, frame.end(), "UNBOUNDED FOLLOWING");
        };
        ctx.ops().window(ctx.w(), new WindowCall(name, () -> function.render(ctx), args, types, outputType(), readsFrame,
                partition, order, rows));
    }

    private static void bound(RenderContext ctx, Integer n, String unbounded) {
        if (n == null) {
            ctx.w().sql(unbounded);
        } else if (n == 0) {
            ctx.w().sql("CURRENT ROW");
        } else {
            // A whole number from the API (Window.rows), never a caller's text.
            ctx.w().sql(Integer.toString(Math.abs(n))).sql(n < 0 ? " PRECEDING" : " FOLLOWING");
        }
    }

    @Override
    public FieldType outputType() {
        return function.outputType();
    }

    @Override
    public List<Expr> children() {
        List<Expr> all = new ArrayList<>(partitionBy);
        orderBy.forEach(o -> all.add(o.expr()));
        all.add(function);
        return all;
    }

    @Override
    public boolean containsAggregate() {
        Expr inner = function instanceof AggregateExpr a ? a.argument() : function;
        return inner.containsAggregate() || partitionBy.stream().anyMatch(Expr::containsAggregate)
                || orderBy.stream().anyMatch(o -> o.expr().containsAggregate());
    }

    @Override
    public boolean containsWindow() {
        return true;
    }
}
