package dev.quarry.query.expr;

import dev.quarry.query.RenderContext;
import dev.quarry.query.func.FunctionDef;
import dev.quarry.spi.FieldType;
import java.util.List;

/** A call of a built-in function, written by its definition (or the backend's override of it). */
public record FuncCall(FunctionDef function, List<Expr> arguments, FieldType outputType) implements Expr {
    /** Copies the arguments. */
    public FuncCall {
        arguments = List.copyOf(arguments);
    }

    @Override
    public void render(RenderContext ctx) {
        function.render(ctx, arguments, outputType);
    }

    @Override
    public List<Expr> children() {
        return arguments;
    }

    @Override
    public boolean containsWindow() {
        return function.isWindowFunction() || Expr.super.containsWindow();
    }

    @Override
    public boolean nullable() {
        return function.nullable(arguments);
    }
}
