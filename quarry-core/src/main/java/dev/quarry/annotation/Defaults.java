package dev.quarry.annotation;

/**
 * Sentinel values for annotation members that need an "unset" state: Java annotations cannot
 * default to {@code null}, so a member that may legitimately hold any string defaults to a value
 * no one would type (as Spring's {@code ValueConstants.DEFAULT_NONE}).
 */
public final class Defaults {
    /**
     * The {@code defaultValue} of a field that declares no default. Because "no default" has its
     * own value, {@code defaultValue = ""} declares an empty-string default.
     */
    public static final String NONE = "\n\t\t\n\t\t\n\uE000\uE001\uE002quarry:none\n\t\t\t\t\n";

    /**
     * The {@code dbDefault} of an aware DateTimeField ({@code Instant}, {@code OffsetDateTime},
     * {@code ZonedDateTime}) whose database writes the current time when a row is inserted without it
     * ({@code CURRENT_TIMESTAMP}, {@code UTC_TIMESTAMP(6)}, SQLite's {@code strftime(..., 'now')}).
     */
    public static final String NOW = "\n\t\t\n\uE000\uE001\uE002quarry:now\n\t\t\n";

    private Defaults() {}

    /** The {@code defaultSupplier} of a field that declares none; never called. */
    public static final class NoSupplier implements java.util.function.Supplier<Object> {
        /** Not for use: only the marker class is read. */
        public NoSupplier() {}

        /** Never called: a field with this supplier has no computed default. */
        @Override
        public Object get() {
            throw new UnsupportedOperationException("NoSupplier marks a field without a defaultSupplier");
        }
    }
}
