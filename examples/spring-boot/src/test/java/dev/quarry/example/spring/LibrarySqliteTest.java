package dev.quarry.example.spring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The example's endpoints on a fresh SQLite file. */
class LibrarySqliteTest extends LibraryEndpointsContract {
    private static Path file;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        file = Files.createTempFile("quarry-spring-example-", ".db");
        registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + file);
    }

    @AfterAll
    static void removeFile() throws IOException {
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(file + suffix));
        }
    }
}
