package dev.quarry.query.func;

import dev.quarry.query.RenderContext;
import dev.quarry.spi.FieldType;
import dev.quarry.spi.SqlWriter;
import java.util.List;

/** {@code Cast}: the argument converted to the kind asked for, {@code CAST(x AS type)} in standard SQL. */
final class CastDef extends FunctionDef {
    CastDef() {
        super("Cast", "CAST", 1, 1);
    }

    @Override
    protected FieldType outputType(List<FieldType> kinds, FieldType requested) {
        if (requested == null) {
            throw new Mismatch("cast() needs a type it can convert to: Integer, Long, Double, BigDecimal, String, Boolean, "
                    + "LocalDate, Instant or LocalTime");
        }
        return requested;
    }

    @Override
    protected void standard(SqlWriter w, List<Runnable> args, List<FieldType> kinds, FieldType result, RenderContext ctx) {
        w.sql("CAST(");
        args.get(0).run();
        w.sql(" AS ").sql(standardType(result)).sql(")");
    }

    /** The standard SQL name of a kind, as PostgreSQL spells it. */
    static String standardType(FieldType t) {
        if (t == FieldType.ARRAY) {
            throw new dev.quarry.NotSupportedError("Cast to an array is not supported", null, 0, null, null);
        }
        return t.standardSqlName();
    }
}
