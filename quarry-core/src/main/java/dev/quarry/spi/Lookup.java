package dev.quarry.spi;

/**
 * A lookup an application or library adds to lookup strings ({@code filter("name__ne", "x")}),
 * registered with {@code ServiceLoader} ({@code META-INF/services/dev.quarry.spi.Lookup}). Its name may
 * not be a built-in lookup's or transform's.
 */
public interface Lookup {
    /** The name lookup strings use ({@code "ne"}). */
    String name();

    /**
     * Checks and converts the value compared with a left side of kind {@code lhsType}; throw
     * {@code IllegalArgumentException} to refuse it (the message is shown with the field). The
     * default takes the value as it is.
     */
    default Object prepare(Object value, FieldType lhsType) {
        return value;
    }

    /** Writes the condition: {@code lhs} writes the left side; bind the value with {@link SqlWriter#param}. */
    void render(SqlWriter w, Runnable lhs, FieldType lhsType, Object value);
}
