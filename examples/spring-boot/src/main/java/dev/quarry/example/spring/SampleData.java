package dev.quarry.example.spring;

import dev.quarry.Quarry;
import dev.quarry.example.spring.model.Author;
import dev.quarry.example.spring.model.Book;
import java.time.LocalDate;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** A few authors and books on a database that has none, so that {@code GET /authors} shows something ({@code library.sample-data=true}). */
@Component
@ConditionalOnProperty(name = "library.sample-data", havingValue = "true")
public class SampleData implements ApplicationRunner {
    private final Quarry quarry;

    /** Fills {@code quarry}'s database. */
    public SampleData(Quarry quarry) {
        this.quarry = quarry;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (Author.objects.exists()) {
            return;
        }
        quarry.atomic().run(() -> {
            Author.objects.create(a -> a.name = "J.R.R. Tolkien");
            Author guin = Author.objects.create(a -> a.name = "Ursula K. Le Guin");
            Author pratchett = Author.objects.create(a -> a.name = "Terry Pratchett");
            book(guin, "A Wizard of Earthsea", "9780553383041", 1968);
            book(guin, "The Left Hand of Darkness", "9780441478125", 1969);
            book(pratchett, "Guards! Guards!", "9780062225757", 1989);
        });
    }

    private static void book(Author author, String title, String isbn, int year) {
        Book.objects.create(b -> {
            b.title = title;
            b.isbn = isbn;
            b.publishedDate = LocalDate.of(year, 1, 1);
            b.author.set(author);
        });
    }
}
