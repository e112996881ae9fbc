package dev.quarry.arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ImproperlyConfigured;
import dev.quarry.Quarry;
import dev.quarry.backend.Backends;
import dev.quarry.spi.Feature;
import dev.quarry.test.TestDatabases;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A model with an {@code @ArrayField} is refused when a Quarry is built on a database without
 * {@link Feature#ARRAY_FIELD} (SQLite, MariaDB), naming the model, the field and the database, before any
 * connection or SQL; on PostgreSQL the same Quarry builds.
 */
class ArrayFieldRefusedTest {
    static Stream<TestDatabases.Target> backends() {
        return TestDatabases.active().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void arrayFieldIsRefusedAtStartUpWhereTheBackendHasNoArrays(TestDatabases.Target target) {
        String url = target.vendor().equals("sqlite") ? "jdbc:sqlite::memory:" : target.serverUrl();
        boolean arrays = Backends.forUrl(url).features().has(Feature.ARRAY_FIELD);
        if (arrays) {
            try (Quarry q = Quarry.builder().url(url).user(target.user()).password(target.password()).models(Post.class)
                    .build()) {
                assertThat(q.model(Post.class).field("tags").kind()).isEqualTo("ArrayField");
            }
            return;
        }
        assertThatThrownBy(() -> Quarry.builder().url(url).user(target.user()).password(target.password())
                .models(Post.class).build())
                .isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("Post.tags is an @ArrayField")
                .hasMessageContaining("\"default\" (" + Backends.forUrl(url).vendor() + ")")
                .hasMessageContaining("Feature.ARRAY_FIELD");
    }
}
