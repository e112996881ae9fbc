package dev.quarry.relations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Within one large result, the books of one author share one boxed author key (a {@code Long} per
 * author instead of one per book, issue 13). A {@code Long} cannot change, so sharing is invisible:
 * the keys are equal with equal hashes, and giving one book another author leaves the others' keys
 * alone. Keys above 127 are used, since {@code Long.valueOf} already shares the small ones.
 */
@QuarryTest(models = {Author.class, Book.class, Publisher.class, Review.class, Note.class})
class SharedForeignKeysTest {
    private static final int BOOKS = 600;

    /** Authors 1000 and 1001 (keys no JDK cache holds) with {@link #BOOKS} books between them, alternating. */
    private static void library() {
        for (long id : new long[] {1000, 1001}) {
            Author a = new Author();
            a.id = id;
            a.name = "Author " + id;
            a.save();
        }
        List<Book> books = new ArrayList<>();
        for (int i = 0; i < BOOKS; i++) {
            Book b = new Book();
            b.title = String.format("Book %03d", i);
            b.author.setId(1000L + i % 2);
            books.add(b);
        }
        Book.objects.bulkCreate(books);
    }

    @Test
    void booksOfOneAuthorShareOneKeyObjectInALargeResult(Queries queries) {
        library();
        List<Book> books = queries.assertNumQueries(1, () -> Book.objects.orderBy("title").list());
        assertThat(books).hasSize(BOOKS);
        for (int i = 0; i < BOOKS; i++) {
            assertThat(books.get(i).author.id()).isEqualTo(1000L + i % 2);
            assertThat(books.get(i).author.id().hashCode()).isEqualTo(Long.hashCode(1000L + i % 2));
        }
        Book last = books.get(BOOKS - 2);
        assertThat(last.author.id()).isSameAs(books.get(BOOKS - 4).author.id());
        assertThat(last.author.id()).isNotSameAs(books.get(BOOKS - 3).author.id());
        assertThat(last.author.isLoaded()).isFalse();
        assertThat(queries.assertNumQueries(1, () -> last.author.get().name)).isEqualTo("Author 1000");
    }

    @Test
    void givingOneBookAnotherAuthorLeavesTheBooksThatSharedItsKeyAlone(Queries queries) {
        library();
        List<Book> books = Book.objects.orderBy("title").list();
        Book moved = books.get(BOOKS - 2);
        Book sibling = books.get(BOOKS - 4);
        Object shared = sibling.author.id();
        assertThat(moved.author.id()).isSameAs(shared);

        moved.author.setId(1001L);
        moved.save();
        assertThat(moved.author.id()).isEqualTo(1001L);
        assertThat(sibling.author.id()).isSameAs(shared).isEqualTo(1000L);
        assertThat(queries.assertNumQueries(1, () -> sibling.author.get().name)).isEqualTo("Author 1000");

        moved.author.set(sibling.author.get());
        assertThat(moved.author.id()).isEqualTo(1000L);
        sibling.author.setId(1001L);
        assertThat(moved.author.id()).isEqualTo(1000L);
        assertThat(Book.objects.filter("author", 1000L).count()).isEqualTo(BOOKS / 2 - 1);
        assertThat(Book.objects.get("title", moved.title).author.id()).isEqualTo(1001L);
    }
}
