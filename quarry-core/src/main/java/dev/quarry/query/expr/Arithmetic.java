package dev.quarry.query.expr;

import dev.quarry.expr.Combined;
import dev.quarry.query.RenderContext;
import dev.quarry.spi.FieldType;
import java.util.List;

/** {@code (left op right)} over numbers; whole-number division is the backend's ({@code Operations.divide}). */
public record Arithmetic(Expr left, Combined.Operator operator, Expr right, FieldType outputType) implements Expr {
    @Override
    public void render(RenderContext ctx) {
        ctx.w().sql("(");
        if (operator == Combined.Operator.DIVIDE) {
            ctx.ops().divide(ctx.w(), () -> left.render(ctx), () -> right.render(ctx), outputType.isIntegral());
        } else {
            left.render(ctx);
            ctx.w().sql(" ").sql(operator.symbol()).sql(" ");
            right.render(ctx);
        }
        ctx.w().sql(")");
    }

    @Override
    public List<Expr> children() {
        return List.of(left, right);
    }

    @Override
    public boolean nullable() {
        return left.nullable() || right.nullable();
    }
}
