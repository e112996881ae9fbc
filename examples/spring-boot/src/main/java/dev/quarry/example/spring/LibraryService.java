package dev.quarry.example.spring;

import static dev.quarry.expr.Aggregates.count;

import dev.quarry.example.spring.model.Author;
import dev.quarry.example.spring.model.Book;
import dev.quarry.example.spring.model.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The library's use cases, each a Spring transaction that Quarry's queries and writes join. */
@Service
public class LibraryService {
    /** An author and how many books they wrote. */
    public record AuthorBooks(long id, String name, long books) {}

    /** What a new book is made of: its author's key, title, ISBN, publication date and tag names. */
    public record NewBook(long author, String title, String isbn, LocalDate publishedDate, List<String> tags) {}

    /** Every author with their number of books, by name: one query (read-only, so a replica may answer). */
    @Transactional(readOnly = true)
    public List<AuthorBooks> authorsWithBookCounts() {
        return Author.objects.annotate("book_count", count("books")).orderBy("name").list().stream()
                .map(a -> new AuthorBooks(((Number) a.pk()).longValue(), a.name, a.annotation("book_count", Number.class)
                        .longValue()))
                .toList();
    }

    /**
     * Saves a book of an existing author with its tags (new tag names become tags). One transaction:
     * an unknown author ({@code DoesNotExist}) or an invalid tag ({@code ValidationError}) leaves nothing
     * behind, not even the book inserted before the tags were checked.
     */
    @Transactional
    public Book createBook(NewBook request) {
        Author author = Author.objects.get("pk", request.author());
        Book book = Book.objects.create(b -> {
            b.title = request.title();
            b.isbn = request.isbn();
            b.publishedDate = request.publishedDate();
            b.author.set(author);
        });
        for (String name : request.tags() == null ? List.<String>of() : request.tags()) {
            Tag tag = Tag.objects.filter("name", name).first().orElseGet(() -> {
                Tag t = new Tag();
                t.name = name;
                t.fullClean();
                t.save();
                return t;
            });
            book.tags.add(tag);
        }
        return book;
    }
}
