package dev.quarry.query.expr;

import dev.quarry.query.RenderContext;
import dev.quarry.spi.FieldType;
import java.util.List;

/**
 * The value at a path inside a JSON column ({@code data__owner__tags__0}: keys as {@code String}, array
 * indexes as {@code Integer}; an empty path is the whole document), written as JSON by the backend.
 */
public record JsonPathExpr(Expr source, List<Object> path) implements TransformExpr {
    /** A path into {@code source}; the path is copied. */
    public JsonPathExpr {
        path = List.copyOf(path);
    }

    @Override
    public void render(RenderContext ctx) {
        ctx.ops().jsonValue(ctx.w(), () -> source.render(ctx), path);
    }

    @Override
    public FieldType outputType() {
        return FieldType.JSON;
    }

    @Override
    public boolean containsAggregate() {
        return source.containsAggregate();
    }

    @Override
    public Expr withSource(Expr s) {
        return new JsonPathExpr(s, path);
    }

    /** The same path one step further. */
    public JsonPathExpr then(Object step) {
        List<Object> p = new java.util.ArrayList<>(path);
        p.add(step);
        return new JsonPathExpr(source, p);
    }
}
