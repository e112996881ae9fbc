package dev.quarry.spi;

import java.lang.reflect.Type;

/**
 * Turns the values of JSON fields into JSON text and back. The core has no JSON library: a codec is found
 * with {@code ServiceLoader} ({@code META-INF/services/dev.quarry.spi.JsonCodec}) when the first model with a
 * {@code @JSONField} is read; {@code dev.quarry:quarry-jackson} provides one built on Jackson. When several are
 * on the class path, the one with the highest {@link #priority()} is used (a subclass of the Jackson codec with
 * an {@code ObjectMapper} of the application's own, registered the same way, replaces it).
 * Implementations are shared by every thread.
 */
public interface JsonCodec {
    /** The JSON text of {@code value} (never {@code null}): a map or record as an object, a list or array as an array, text, numbers, booleans. */
    String write(Object value);

    /**
     * The value of JSON text {@code json} as {@code type}, the generic type of the field
     * ({@code Map<String, Object>}, {@code List<String>}, a record, {@code Object}); {@code null} for the JSON
     * {@code null}.
     */
    Object read(String json, Type type);

    /** The codec's precedence over others on the class path; higher wins. */
    default int priority() {
        return 0;
    }
}
