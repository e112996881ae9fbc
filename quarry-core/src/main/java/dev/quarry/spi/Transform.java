package dev.quarry.spi;

/**
 * A transform an application or library adds to lookup strings and value paths
 * ({@code filter("name__unaccented__icontains", "e")}), registered with {@code ServiceLoader}
 * ({@code META-INF/services/dev.quarry.spi.Transform}). Its name may not be a built-in's.
 */
public interface Transform {
    /** The name lookup strings use. */
    String name();

    /** The kind of the result for an input of kind {@code input}; throw {@code IllegalArgumentException} when it does not apply. */
    FieldType outputType(FieldType input);

    /** Writes the transform of {@code input} (of kind {@code inputType}). */
    void render(SqlWriter w, Runnable input, FieldType inputType);
}
