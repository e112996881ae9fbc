package dev.quarry.query.func;

import dev.quarry.query.RenderContext;
import dev.quarry.spi.DatePart;
import dev.quarry.spi.FieldType;
import dev.quarry.spi.SqlWriter;
import java.util.List;

/**
 * {@code Extract<Part>} (a whole number) and {@code Trunc<Part>} (a date or date-time cut to the
 * part; {@code TruncDate}, {@code TruncTime}), also used by the {@code __year}, {@code __date}, ...
 * transforms. The SQL is the backend's ({@code Operations.dateExtract}, {@code dateTrunc}).
 */
final class DatePartDef extends FunctionDef {
    private final DatePart part;
    private final boolean trunc;

    DatePartDef(DatePart part, boolean trunc) {
        super((trunc ? "Trunc" : "Extract") + camel(part.lookupName()), part.name(), 1, 1);
        this.part = part;
        this.trunc = trunc;
    }

    private static String camel(String snake) {
        StringBuilder out = new StringBuilder();
        for (String p : snake.split("_")) {
            out.append(Character.toUpperCase(p.charAt(0))).append(p.substring(1));
        }
        return out.toString();
    }

    DatePart part() {
        return part;
    }

    @Override
    protected FieldType outputType(List<FieldType> kinds, FieldType requested) {
        FieldType in = kinds.get(0);
        if (!in.hasDate()) {
            throw new Mismatch("'" + part.lookupName() + "' applies to dates and date-times, not to " + Kinds.describe(in));
        }
        if (in == FieldType.DATE && part.isTimePart()) {
            throw new Mismatch("a date has no '" + part.lookupName() + "'; it applies to date-times");
        }
        if (!trunc) {
            return FieldType.INTEGER;
        }
        if (part == DatePart.DATE) {
            return FieldType.DATE;
        }
        if (part == DatePart.TIME) {
            return FieldType.TIME;
        }
        if (part == DatePart.ISO_YEAR || part == DatePart.WEEK_DAY || part == DatePart.ISO_WEEK_DAY) {
            throw new Mismatch("trunc() cannot cut to '" + part.lookupName() + "'");
        }
        return in;
    }

    @Override
    public boolean nullable(List<dev.quarry.query.expr.Expr> args) {
        return args.get(0).nullable();
    }

    @Override
    protected void standard(SqlWriter w, List<Runnable> args, List<FieldType> kinds, FieldType result, RenderContext ctx) {
        if (trunc) {
            ctx.ops().dateTrunc(w, part, kinds.get(0), args.get(0));
        } else {
            ctx.ops().dateExtract(w, part, kinds.get(0), args.get(0));
        }
    }
}
