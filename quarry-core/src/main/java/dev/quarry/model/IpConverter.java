package dev.quarry.model;

/**
 * A GenericIPAddressField's text as stored and compared: a valid IPv6 address in its canonical form
 * (Django normalises it too, on save and in lookups), anything else as it is (a value that is no address
 * is {@code fullClean()}'s to report, not {@code save()}'s).
 */
final class IpConverter implements ValueConverter {
    private final TextFormat format;

    IpConverter(TextFormat format) {
        this.format = format;
    }

    @Override
    public Class<?> javaType() {
        return String.class;
    }

    @Override
    public Object toStored(Object value) {
        if (!(value instanceof String s)) {
            throw new Conversions.Rejected("expected an IP address as text");
        }
        return format.storedIp(s);
    }

    @Override
    public Object fromStored(Object stored) {
        return stored;
    }
}
