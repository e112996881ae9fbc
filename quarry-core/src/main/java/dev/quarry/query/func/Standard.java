package dev.quarry.query.func;

import dev.quarry.spi.FieldType;
import java.util.List;

/** A function written {@code SQL(args...)} whose result kind follows a rule: most built-ins are one of these, registered in one line. */
final class Standard extends FunctionDef {
    /** How the kind of the result follows from the kinds of the arguments. */
    @FunctionalInterface
    interface Rule {
        FieldType apply(List<FieldType> kinds, FieldType requested);
    }

    private final Rule rule;
    private final boolean window;

    Standard(String name, String sql, int minArgs, int maxArgs, Rule rule, boolean window) {
        super(name, sql, minArgs, maxArgs);
        this.rule = rule;
        this.window = window;
    }

    @Override
    protected FieldType outputType(List<FieldType> kinds, FieldType requested) {
        return rule.apply(kinds, requested);
    }

    @Override
    public boolean isWindowFunction() {
        return window;
    }

    // ----- rules -----

    static Rule fixed(FieldType t) {
        return (k, r) -> t;
    }

    static Rule common(String name) {
        return (k, r) -> Kinds.common(k, name);
    }

    static Rule firstNumber(String name) {
        return (k, r) -> {
            FieldType first = k.get(0);
            if (first != null && !Kinds.numeric(first)) {
                throw new Mismatch(name + " needs a number, got " + Kinds.describe(first));
            }
            return first == null ? FieldType.FLOAT : first;
        };
    }

    static Rule numericResult(String name) {
        return (k, r) -> Kinds.numericResult(k, name);
    }

    static Rule text(String name) {
        return (k, r) -> FieldType.TEXT;
    }

    static Rule first() {
        return (k, r) -> k.isEmpty() || k.get(0) == null ? FieldType.TEXT : k.get(0);
    }
}
