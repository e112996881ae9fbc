package dev.quarry.example.spring;

import dev.quarry.test.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The example's endpoints on a private PostgreSQL schema. Skipped when PostgreSQL does not answer,
 * unless {@code QUARRY_TEST_DATABASES} names it under {@code CI=true}: then quarry-test's
 * {@link TestDatabases#active()} fails the run, as for every backend test.
 */
@EnabledIf("postgresql")
class LibraryPostgresTest extends LibraryEndpointsContract {
    private static TestDatabases.Isolated schema;

    static boolean postgresql() {
        return target() != null;
    }

    private static TestDatabases.Target target() {
        return TestDatabases.active().stream().filter(t -> t.vendor().equals("postgresql")).findFirst().orElse(null);
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.Target target = target();
        schema = target.create();
        registry.add("spring.datasource.url", schema::url);
        registry.add("spring.datasource.username", target::user);
        if (target.password() != null) {
            registry.add("spring.datasource.password", target::password);
        }
    }

    @AfterAll
    static void dropSchema() {
        if (schema != null) {
            schema.drop();
        }
    }
}
