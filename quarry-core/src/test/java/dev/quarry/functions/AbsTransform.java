package dev.quarry.functions;

import dev.quarry.spi.FieldType;
import dev.quarry.spi.SqlWriter;
import dev.quarry.spi.Transform;

/** A custom transform registered through the SPI: {@code score__abs__gte=3} compares {@code ABS(score)}. */
public final class AbsTransform implements Transform {
    /** Created by ServiceLoader. */
    public AbsTransform() {}

    @Override
    public String name() {
        return "abs";
    }

    @Override
    public FieldType outputType(FieldType input) {
        if (input != FieldType.FLOAT && input != FieldType.DECIMAL && !input.isIntegral()) {
            throw new IllegalArgumentException("abs applies to numbers");
        }
        return input;
    }

    @Override
    public void render(SqlWriter w, Runnable input, FieldType inputType) {
        w.sql("ABS(");
        input.run();
        w.sql(")");
    }
}
