package dev.quarry.query.func;

import dev.quarry.spi.FieldType;
import java.util.List;

/**
 * A window function, allowed only inside {@code Window.of(...)}: a numbering ({@code ROW_NUMBER},
 * {@code RANK}, ... {@code NTILE}), an offset ({@code LAG}, {@code LEAD}: the argument's kind, a
 * default of a kind that fits it) or a value of the frame ({@code FIRST_VALUE}, {@code LAST_VALUE},
 * {@code NTH_VALUE}: the argument's kind). Only the frame values read the window's frame; the
 * others see the whole partition whatever the frame says.
 */
final class WindowDef extends FunctionDef {
    private final Standard.Rule rule;
    private final boolean readsFrame;

    private WindowDef(String name, String sql, int minArgs, int maxArgs, Standard.Rule rule, boolean readsFrame) {
        super(name, sql, minArgs, maxArgs);
        this.rule = rule;
        this.readsFrame = readsFrame;
    }

    /** A numbering of the rows of each partition, of kind {@code kind}, taking {@code args} whole-number arguments. */
    static WindowDef numbering(String name, String sql, int args, FieldType kind) {
        return new WindowDef(name, sql, args, args, Standard.fixed(kind), false);
    }

    /** {@code LAG}/{@code LEAD(expression[, offset[, default]])}: the expression's kind, which the default must fit. */
    static WindowDef offset(String name, String sql) {
        return new WindowDef(name, sql, 1, 3, (k, r) -> {
            FieldType value = k.get(0) == null ? FieldType.TEXT : k.get(0);
            return k.size() < 3 ? value : Kinds.common(List.of(value, k.get(2) == null ? value : k.get(2)),
                    name + "'s default");
        }, false);
    }

    /** A value read from a row of the frame, of the kind of the expression it reads. */
    static WindowDef frameValue(String name, String sql, int args) {
        return new WindowDef(name, sql, args, args, Standard.first(), true);
    }

    @Override
    protected FieldType outputType(List<FieldType> kinds, FieldType requested) {
        return rule.apply(kinds, requested);
    }

    @Override
    public boolean isWindowFunction() {
        return true;
    }

    @Override
    public boolean readsFrame() {
        return readsFrame;
    }
}
