package dev.quarry.json;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ImproperlyConfigured;
import dev.quarry.Model;
import dev.quarry.annotation.JSONField;
import dev.quarry.model.ModelMeta;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The core has no JSON library: without a codec on the class path (quarry-core's tests have none; the JSONField
 * tests live in quarry-jackson, where Jackson's codec is), a model with a JSONField is refused at start-up,
 * saying which module to add.
 */
class JsonWithoutCodecTest {
    /** A model that needs a codec. */
    public static class Preferences extends Model {
        @JSONField
        public Map<String, Object> data;
    }

    @Test
    void aJsonFieldWithoutCodecIsRefusedNamingTheModule() {
        assertThatThrownBy(() -> ModelMeta.of(Preferences.class)).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("Preferences.data is a JSONField, and no JSON codec is on the class path")
                .hasMessageContaining("dev.quarry:quarry-jackson");
    }
}
