package dev.quarry.model;

import dev.quarry.ImproperlyConfigured;
import dev.quarry.spi.JsonCodec;
import java.util.Comparator;
import java.util.ServiceLoader;

/** The JSON codec of this class path, found once with {@code ServiceLoader}: the one with the highest priority. */
public final class JsonCodecs {
    private JsonCodecs() {}

    private static final class Holder {
        static final JsonCodec CODEC = ServiceLoader.load(JsonCodec.class, JsonCodecs.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).max(Comparator.comparingInt(JsonCodec::priority)).orElse(null);
    }

    /** The codec; {@link ImproperlyConfigured} naming {@code owner} (a field) when the class path has none. */
    public static JsonCodec get(String owner) {
        JsonCodec codec = Holder.CODEC;
        if (codec == null) {
            throw new ImproperlyConfigured(owner + " is a JSONField, and no JSON codec is on the class path: add "
                    + "dev.quarry:quarry-jackson (or register a dev.quarry.spi.JsonCodec in "
                    + "META-INF/services/dev.quarry.spi.JsonCodec)");
        }
        return codec;
    }
}
