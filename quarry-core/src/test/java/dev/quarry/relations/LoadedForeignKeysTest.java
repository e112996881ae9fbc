package dev.quarry.relations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.Quarry;
import dev.quarry.test.Committing;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A loaded row's {@code BIGINT} foreign key sits in its {@code Ref} as a {@code long}, not boxed (issue 13):
 * what a user sees through the Ref is the same as for a key set by hand. {@code id()} is an equal
 * {@code Long} with an equal hash, {@code NULL} is no target, a new key forgets the loaded target, and
 * prefetching finds each row's owner by the key. Keys above 127 are used, since {@code Long.valueOf}
 * already shares the small ones.
 */
@QuarryTest(models = {Author.class, Book.class, Publisher.class, Review.class, Note.class})
class LoadedForeignKeysTest {
    private static final int BOOKS = 600;

    /** Authors 1000 and 1001 (keys no JDK cache holds) with {@link #BOOKS} books between them, alternating; no editors. */
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
    void loadedKeysAreTheLongsStoredWithEqualHashes(Queries queries) {
        library();
        List<Book> books = queries.assertNumQueries(1, () -> Book.objects.orderBy("title").list());
        assertThat(books).hasSize(BOOKS);
        for (int i = 0; i < BOOKS; i++) {
            Object key = books.get(i).author.id();
            assertThat(key).isInstanceOf(Long.class).isEqualTo(1000L + i % 2);
            assertThat(key.hashCode()).isEqualTo(Long.hashCode(1000L + i % 2));
            assertThat(books.get(i).author.id(Long.class)).isEqualTo(1000L + i % 2);
        }
        Book last = books.get(BOOKS - 2);
        assertThat(last.author.toString()).endsWith("-> 1000)");
        assertThat(last.author.isLoaded()).isFalse();
        assertThat(queries.assertNumQueries(1, () -> last.author.get().name)).isEqualTo("Author 1000");
        assertThat(last.author.isLoaded()).isTrue();
        assertThat(last.author.id()).isEqualTo(1000L);
    }

    @Test
    void aNullKeyIsNoTargetAndRunsNoQuery(Queries queries) {
        library();
        Book book = Book.objects.orderBy("title").first().orElseThrow();
        assertThat(book.editor.id()).isNull();
        assertThat(book.editor.isLoaded()).isTrue();
        assertThat(queries.assertNumQueries(0, () -> book.editor.get())).isNull();
        assertThat(book.editor.toString()).endsWith("-> null)");
    }

    @Test
    void givingOneBookAnotherAuthorChangesThatBookOnly(Queries queries) {
        library();
        List<Book> books = Book.objects.orderBy("title").list();
        Book moved = books.get(BOOKS - 2);
        Book sibling = books.get(BOOKS - 4);

        moved.author.setId(1001L);
        moved.save();
        assertThat(moved.author.id()).isEqualTo(1001L);
        assertThat(sibling.author.id()).isEqualTo(1000L);
        assertThat(queries.assertNumQueries(1, () -> sibling.author.get().name)).isEqualTo("Author 1000");

        moved.author.set(sibling.author.get());
        assertThat(moved.author.id()).isEqualTo(1000L);
        assertThat(moved.author.isLoaded()).isTrue();
        sibling.author.setId(1001L);
        assertThat(sibling.author.isLoaded()).isFalse();
        assertThat(moved.author.id()).isEqualTo(1000L);
        assertThat(Book.objects.filter("author", 1000L).count()).isEqualTo(BOOKS / 2 - 1);
        assertThat(Book.objects.get("title", moved.title).author.id()).isEqualTo(1001L);
    }

    @Test
    void settingTheSameKeyKeepsTheLoadedTargetAndAnotherForgetsIt(Queries queries) {
        library();
        Book book = Book.objects.selectRelated("author").orderBy("title").first().orElseThrow();
        assertThat(book.author.isLoaded()).isTrue();
        book.author.setId(1000L);
        assertThat(book.author.isLoaded()).isTrue();
        book.author.setId("1000");
        assertThat(queries.assertNumQueries(0, () -> book.author.get().name)).isEqualTo("Author 1000");
        book.author.setId(1001L);
        assertThat(book.author.isLoaded()).isFalse();
        assertThat(queries.assertNumQueries(1, () -> book.author.get().name)).isEqualTo("Author 1001");
    }

    @Test
    void refreshingARowWhoseKeyChangedForgetsTheLoadedTarget(Queries queries) {
        library();
        Book book = Book.objects.selectRelated("author").orderBy("title").first().orElseThrow();
        assertThat(book.author.get().name).isEqualTo("Author 1000");
        Book.objects.filter("pk", book.pk()).update(Map.of("author", 1001L));
        book.refreshFromDb();
        assertThat(book.author.id()).isEqualTo(1001L);
        assertThat(queries.assertNumQueries(1, () -> book.author.get().name)).isEqualTo("Author 1001");
    }

    @Test
    void prefetchingBothWaysFindsEachRowsOwnerByItsKey(Queries queries) {
        library();
        List<Author> authors = queries.assertNumQueries(2, () -> Author.objects.prefetchRelated("books").orderBy("id").list());
        List<Book> books = queries.assertNumQueries(2, () -> Book.objects.prefetchRelated("author", "editor").orderBy("title").list());
        queries.assertNumQueries(0, () -> {
            for (Author a : authors) {
                assertThat(a.books().all()).hasSize(BOOKS / 2).allSatisfy(b -> assertThat(b.author.get()).isSameAs(a));
            }
            for (int i = 0; i < BOOKS; i++) {
                assertThat(books.get(i).author.get().id).isEqualTo(1000L + i % 2);
                assertThat(books.get(i).editor.get()).isNull();
            }
            return null;
        });
    }

    /** Loading keeps no state between results: 16 threads load and prefetch the same rows at once, each seeing every key. */
    @Test
    @Committing
    void sixteenThreadsLoadingTheSameRowsEachSeeEveryKey(Quarry quarry) throws Exception {
        library();
        Map<String, Long> expected = new java.util.HashMap<>();
        for (int i = 0; i < BOOKS; i++) {
            expected.put(String.format("Book %03d", i), 1000L + i % 2);
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        Queue<String> wrong = new ConcurrentLinkedQueue<>();
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int t = 0; t < 16; t++) {
                done.add(pool.submit(() -> {
                    for (int round = 0; round < 10; round++) {
                        Map<String, Long> seen = Book.objects.using(quarry).list().stream()
                                .collect(Collectors.toMap(b -> b.title, b -> (Long) b.author.id()));
                        long stitched = Author.objects.using(quarry).prefetchRelated("books").list().stream()
                                .flatMap(a -> a.books().all().stream().filter(b -> b.author.id().equals(a.id))).count();
                        if (!seen.equals(expected) || stitched != BOOKS) {
                            wrong.add("round " + round + ": " + seen.size() + " keys, " + stitched + " stitched");
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(wrong).isEmpty();
    }
}
