package dev.quarry.spi;

/**
 * JSON text as a JSON column stores it: what a JSON field's converter writes and what a backend's reader
 * of a {@link FieldType#JSON} column returns, so a backend can bind it as JSON rather than as plain text.
 */
public record JsonText(String json) {
    /** JSON text, which must not be {@code null}. */
    public JsonText {
        java.util.Objects.requireNonNull(json, "json");
    }

    /** The JSON text. */
    @Override
    public String toString() {
        return json;
    }
}
