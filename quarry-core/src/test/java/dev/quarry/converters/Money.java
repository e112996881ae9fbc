package dev.quarry.converters;

import java.math.BigDecimal;

/** An amount of money: the application's value type. */
public record Money(BigDecimal amount) implements Comparable<Money> {
    static Money of(String amount) {
        return new Money(new BigDecimal(amount));
    }

    @Override
    public int compareTo(Money o) {
        return amount.compareTo(o.amount);
    }
}
