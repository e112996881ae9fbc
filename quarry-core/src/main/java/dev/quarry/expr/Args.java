package dev.quarry.expr;

import java.util.ArrayList;
import java.util.List;

/** How arguments become expressions: Django's rules, in one place. */
final class Args {
    private Args() {}

    /** An operand of arithmetic: an expression as it is, anything else a {@link Value} (Django's {@code _combine}). */
    static Expression<?> value(Object o) {
        if (o instanceof Expression<?> e) {
            return e;
        }
        return Value.of(o, Object.class);
    }

    /** A function argument: an expression as it is, a {@code String} a field path ({@link F}), anything else a {@link Value}. */
    static Expression<?> field(Object o) {
        if (o instanceof Expression<?> e) {
            return e;
        }
        if (o instanceof String s) {
            return F.of(s);
        }
        return Value.of(o, Object.class);
    }

    /** Each argument by {@link #field(Object)}. */
    static List<Expression<?>> fields(Object... args) {
        List<Expression<?>> out = new ArrayList<>(args.length);
        for (Object a : args) {
            out.add(field(a));
        }
        return List.copyOf(out);
    }
}
