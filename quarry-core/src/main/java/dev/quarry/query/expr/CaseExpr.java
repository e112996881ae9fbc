package dev.quarry.query.expr;

import dev.quarry.query.RenderContext;
import dev.quarry.query.Where;
import dev.quarry.spi.FieldType;
import java.util.ArrayList;
import java.util.List;

/** {@code CASE WHEN c1 THEN r1 ... ELSE otherwise END}; {@code otherwise} is NULL when {@code null}. */
public record CaseExpr(List<Where> conditions, List<Expr> results, Expr otherwise, FieldType outputType) implements Expr {
    /** Copies the parts. */
    public CaseExpr {
        conditions = List.copyOf(conditions);
        results = List.copyOf(results);
    }

    @Override
    public void render(RenderContext ctx) {
        ctx.w().sql("CASE");
        for (int i = 0; i < conditions.size(); i++) {
            ctx.w().sql(" WHEN ");
            conditions.get(i).render(ctx);
            ctx.w().sql(" THEN ");
            results.get(i).render(ctx);
        }
        ctx.w().sql(" ELSE ");
        if (otherwise == null) {
            ctx.ops().typedNull(ctx.w(), outputType);
        } else {
            otherwise.render(ctx);
        }
        ctx.w().sql(" END");
    }

    @Override
    public List<Expr> children() {
        List<Expr> all = new ArrayList<>(results);
        if (otherwise != null) {
            all.add(otherwise);
        }
        return all;
    }

    @Override
    public boolean containsAggregate() {
        return Expr.super.containsAggregate() || conditions.stream().anyMatch(Where::containsAggregate);
    }
}
