package dev.quarry.converters;

import dev.quarry.FieldConverter;
import java.math.BigDecimal;

/** Money in a decimal column; refuses negative amounts read from the database. */
public final class MoneyConverter implements FieldConverter<Money, BigDecimal> {
    @Override
    public BigDecimal toDatabase(Money value) {
        return value.amount();
    }

    @Override
    public Money fromDatabase(BigDecimal value) {
        if (value.signum() < 0) {
            throw new IllegalArgumentException("negative money");
        }
        return new Money(value);
    }
}
