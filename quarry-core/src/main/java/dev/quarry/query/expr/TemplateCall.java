package dev.quarry.query.expr;

import dev.quarry.query.RenderContext;
import dev.quarry.spi.FieldType;
import java.util.List;

/** A user's {@code Func} template: its constant pieces with the arguments between them. */
public record TemplateCall(List<String> pieces, List<Expr> arguments, FieldType outputType) implements Expr {
    /** Copies the parts. */
    public TemplateCall {
        pieces = List.copyOf(pieces);
        arguments = List.copyOf(arguments);
    }

    @Override
    public void render(RenderContext ctx) {
        for (int i = 0; i < pieces.size(); i++) {
            ctx.w().sql(pieces.get(i));
            if (i < arguments.size()) {
                arguments.get(i).render(ctx);
            }
        }
    }

    @Override
    public List<Expr> children() {
        return arguments;
    }
}
