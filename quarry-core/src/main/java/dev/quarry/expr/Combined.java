package dev.quarry.expr;

import java.util.Objects;

/**
 * Two expressions combined by arithmetic ({@code F.of("stock").minus(1)}). Both sides must be
 * numbers: text, dates or booleans are refused when resolved. The result is a whole number when both
 * sides are, a decimal when one is and no side is a float, a float otherwise (Django's rules).
 *
 * @param left the left operand
 * @param operator the operator
 * @param right the right operand
 */
public record Combined(Expression<?> left, Operator operator, Expression<?> right) implements Expression<Object> {
    /** The arithmetic operators. */
    public enum Operator {
        /** {@code +}. */
        ADD("+"),
        /** {@code -}. */
        SUBTRACT("-"),
        /** {@code *}. */
        MULTIPLY("*"),
        /** {@code /}: whole-number division for whole numbers. */
        DIVIDE("/"),
        /** {@code %}: the remainder. */
        MODULO("%");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as written in SQL and in messages ({@code +}). */
        public String symbol() {
            return symbol;
        }
    }

    /** Checks the parts. */
    public Combined {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(right, "right");
    }

    @Override
    public Class<Object> type() {
        return Object.class;
    }

    @Override
    public String toString() {
        return "(" + left + " " + operator.symbol() + " " + right + ")";
    }
}
