package dev.quarry.example.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The guide's library as a Spring Boot application: {@code quarry-spring-boot-starter} builds the
 * Quarry from {@code spring.datasource} and finds the models in {@code quarry.model-packages};
 * {@link LibraryService} runs Quarry inside Spring transactions; {@link LibraryController} serves
 * {@code GET /authors} and {@code POST /books}.
 */
@SpringBootApplication
public class LibraryApplication {
    /** Starts the application. */
    public static void main(String[] args) {
        SpringApplication.run(LibraryApplication.class, args);
    }
}
