package dev.quarry.example.spring;

import dev.quarry.DoesNotExist;
import dev.quarry.ValidationError;
import dev.quarry.example.spring.model.Book;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The library's web endpoints: the authors with their book counts, and new books. */
@RestController
public class LibraryController {
    private final LibraryService library;

    /** The endpoints over {@code library}. */
    public LibraryController(LibraryService library) {
        this.library = library;
    }

    /** {@code GET /authors}: every author with their number of books, by name. */
    @GetMapping("/authors")
    public List<LibraryService.AuthorBooks> authors() {
        return library.authorsWithBookCounts();
    }

    /** {@code POST /books}: saves a book (201 with its key and where it is), or nothing at all on a bad request. */
    @PostMapping("/books")
    public ResponseEntity<Map<String, Object>> createBook(@RequestBody LibraryService.NewBook request) {
        Book book = library.createBook(request);
        return ResponseEntity.created(URI.create("/books/" + book.pk()))
                .body(Map.of("id", book.pk(), "title", book.title, "author", book.author.id()));
    }

    /** An author (or another row) that does not exist: 404 with Quarry's message, which names the model and the lookup. */
    @ExceptionHandler(DoesNotExist.class)
    public ResponseEntity<Map<String, Object>> notFound(DoesNotExist e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", e.getMessage()));
    }

    /** Values that fail the models' validation: 400 with the message per field. */
    @ExceptionHandler(ValidationError.class)
    public ResponseEntity<Map<String, Object>> invalid(ValidationError e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage(), "fields", e.fieldErrors()));
    }
}
