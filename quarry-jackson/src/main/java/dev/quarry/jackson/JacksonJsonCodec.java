package dev.quarry.jackson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.quarry.spi.JsonCodec;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Quarry's JSON codec on Jackson: a JSONField of any type Jackson maps ({@code Map<String, Object>},
 * {@code List<String>}, a record, {@code JsonNode}, {@code Object}). Numbers with a fraction are read as
 * {@code BigDecimal} (no rounding through {@code double}); map keys are written in their map's order.
 *
 * <p>To use an {@code ObjectMapper} of the application's own, subclass this codec with a no-argument
 * constructor that passes it to {@link #JacksonJsonCodec(ObjectMapper)}, give it a higher {@link #priority()},
 * and register it in {@code META-INF/services/dev.quarry.spi.JsonCodec}.
 */
public class JacksonJsonCodec implements JsonCodec {
    private final ObjectMapper mapper;
    private final Map<Type, JavaType> types = new ConcurrentHashMap<>();

    /** The codec with Quarry's default mapper. */
    public JacksonJsonCodec() {
        this(JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build());
    }

    /** The codec with the application's mapper. */
    public JacksonJsonCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Jackson cannot write a " + value.getClass().getSimpleName(), e);
        }
    }

    @Override
    public Object read(String json, Type type) {
        try {
            return mapper.readValue(json, types.computeIfAbsent(type, t -> mapper.getTypeFactory().constructType(t)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Jackson cannot read the JSON as " + type.getTypeName(), e);
        }
    }
}
