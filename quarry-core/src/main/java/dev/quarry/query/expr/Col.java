package dev.quarry.query.expr;

import dev.quarry.model.FieldMeta;
import dev.quarry.query.RenderContext;
import dev.quarry.spi.FieldType;

/** A column of a table alias; {@code field} is {@code null} for a through-table column. */
public record Col(String alias, String column, FieldType outputType, FieldMeta field, boolean nullable) implements Expr {
    /** The column of {@code field} in table alias {@code alias}. */
    public static Col of(String alias, FieldMeta field) {
        return new Col(alias, field.column(), field.type(), field, field.nullable());
    }

    @Override
    public void render(RenderContext ctx) {
        ctx.column(alias, column);
    }
}
