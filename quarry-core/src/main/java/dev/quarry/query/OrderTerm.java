package dev.quarry.query;

import dev.quarry.query.expr.Expr;
import dev.quarry.spi.NullsOrder;

/** A resolved ORDER BY term; {@code annotation} is the alias when it orders by an annotation. */
public record OrderTerm(Expr expr, String annotation, boolean descending, NullsOrder nulls) {
    /** The SPI's form of an ordering's NULL placement (the same three constants, mapped without a lookup by name). */
    static NullsOrder nulls(dev.quarry.Ordering.Nulls n) {
        return switch (n) {
            case DEFAULT -> NullsOrder.DEFAULT;
            case FIRST -> NullsOrder.FIRST;
            case LAST -> NullsOrder.LAST;
        };
    }

    OrderTerm reversed() {
        NullsOrder n = nulls == NullsOrder.FIRST ? NullsOrder.LAST : nulls == NullsOrder.LAST ? NullsOrder.FIRST : nulls;
        return new OrderTerm(expr, annotation, !descending, n);
    }
}
