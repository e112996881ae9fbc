package dev.quarry.converters;

import dev.quarry.FieldConverter;

/** A wrapped id in a bigint column. */
public final class CustomerIdConverter implements FieldConverter<CustomerId, Long> {
    @Override
    public Long toDatabase(CustomerId value) {
        return value.value();
    }

    @Override
    public CustomerId fromDatabase(Long value) {
        return new CustomerId(value);
    }
}
