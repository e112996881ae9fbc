package dev.quarry.example.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.quarry.Quarry;
import dev.quarry.example.spring.model.Author;
import dev.quarry.example.spring.model.Book;
import dev.quarry.example.spring.model.Tag;
import dev.quarry.test.Queries;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The example's endpoints through MockMvc, the same tests on each database a subclass points the
 * application at: the authors with their book counts in one query, a book saved with its tags, and a
 * bad request (an invalid tag, an unknown author) leaving nothing behind because the service's
 * {@code @Transactional} method rolls back Quarry's writes. The context is closed after each class
 * (a context installs its Quarry, and one Quarry is installed at a time).
 */
@SpringBootTest(properties = {"spring.datasource.hikari.maximum-pool-size=4", "library.sample-data=false"})
@AutoConfigureMockMvc
@DirtiesContext
abstract class LibraryEndpointsContract {
    @Autowired
    MockMvc mvc;

    @Autowired
    Quarry quarry;

    private long leGuin;

    @BeforeEach
    void rows() {
        Author.objects.all().delete();
        Tag.objects.all().delete();
        Author tolkien = Author.objects.create(a -> a.name = "J.R.R. Tolkien");
        Author guin = Author.objects.create(a -> a.name = "Ursula K. Le Guin");
        leGuin = ((Number) guin.pk()).longValue();
        for (String title : new String[] {"A Wizard of Earthsea", "The Dispossessed"}) {
            Book.objects.create(b -> {
                b.title = title;
                b.isbn = "9780000000000";
                b.publishedDate = LocalDate.of(1968, 1, 1);
                b.author.set(guin);
            });
        }
        assertThat(tolkien.books().count()).isZero();
    }

    @Test
    void authorsAreListedWithTheirBookCountsInOneQuery() throws Exception {
        ResultActions response = new Queries(quarry).assertNumQueries(1,
                (Supplier<ResultActions>) () -> perform(get("/authors")));
        response.andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].name").value("J.R.R. Tolkien"))
                .andExpect(jsonPath("$[0].books").value(0))
                .andExpect(jsonPath("$[1].name").value("Ursula K. Le Guin"))
                .andExpect(jsonPath("$[1].books").value(2));
    }

    @Test
    void aPostedBookIsSavedWithItsTags() throws Exception {
        perform(post("/books").contentType(MediaType.APPLICATION_JSON).content("""
                {"author": %d, "title": "The Lathe of Heaven", "isbn": "9780060512750",
                 "publishedDate": "1971-01-01", "tags": ["Science Fiction", "Classic"]}""".formatted(leGuin)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/books/")))
                .andExpect(jsonPath("$.title").value("The Lathe of Heaven"));
        Book saved = Book.objects.get("title", "The Lathe of Heaven");
        assertThat(saved.tags.orderBy("name").valuesList("name", String.class).list()).containsExactly("Classic",
                "Science Fiction");
        perform(get("/authors")).andExpect(jsonPath("$[1].books").value(3));
    }

    @Test
    void anInvalidTagRollsBackTheWholeRequest() throws Exception {
        perform(post("/books").contentType(MediaType.APPLICATION_JSON).content("""
                {"author": %d, "title": "Never Saved", "isbn": "9780000000001",
                 "publishedDate": "1971-01-01", "tags": ["Fine", "%s"]}""".formatted(leGuin, "x".repeat(51))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.name[0]").exists());
        // the book and the first tag were inserted before the bad tag was seen: the rollback took them
        assertThat(Book.objects.filter("title", "Never Saved").exists()).isFalse();
        assertThat(Tag.objects.exists()).isFalse();
    }

    @Test
    void anUnknownAuthorIsNotFoundAndSavesNothing() throws Exception {
        perform(post("/books").contentType(MediaType.APPLICATION_JSON).content("""
                {"author": 999999, "title": "Orphan", "isbn": "9780000000002", "publishedDate": "2000-01-01"}"""))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value(containsString("Author")));
        assertThat(Book.objects.count()).isEqualTo(2);
    }

    private ResultActions perform(RequestBuilder request) {
        try {
            return mvc.perform(request);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
