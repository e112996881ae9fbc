package dev.quarry.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.FieldError;
import dev.quarry.ImproperlyConfigured;
import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.ModelInfo;
import dev.quarry.Quarry;
import dev.quarry.QuerySet;
import dev.quarry.test.Queries;
import dev.quarry.test.TestDatabases;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 0.2 database handle: a Quarry is one database with its own models; several live side by
 * side in one JVM; queries and instances run on the Quarry they are bound to or came from; a
 * closed or missing Quarry is named in the error; a QuerySet is a value that threads share. Plain
 * JUnit, not {@code @QuarryTest}: each test builds its own Quarrys (SQLite files in a temporary
 * directory, an isolated schema or database on each reachable server), closes them, and leaves no
 * Quarry installed.
 */
class DatabaseHandleTest {
    private static final int THREADS = 16;
    private static final int ITERATIONS = 200;

    @TempDir
    Path dir;

    /** Closes Quarrys and drops server databases, last opened first. */
    private final Deque<Runnable> cleanup = new ArrayDeque<>();

    @BeforeEach
    void startWithNoQuarryInstalled() {
        Quarry.uninstall();
    }

    @AfterEach
    void closeQuarrysAndDropDatabases() {
        Quarry.uninstall();
        RuntimeException failure = null;
        while (!cleanup.isEmpty()) {
            try {
                cleanup.pop().run();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Where a second database can be: another SQLite file, and each reachable server. */
    static List<String> backends() {
        List<String> out = new ArrayList<>();
        out.add("sqlite");
        for (TestDatabases.Target t : TestDatabases.active()) {
            if (!t.vendor().equals("sqlite")) {
                out.add(t.label());
            }
        }
        return out;
    }

    /** The databases the threads test runs on: a SQLite file, and PostgreSQL when reachable. */
    static List<String> threadedBackends() {
        return backends().stream().filter(b -> b.equals("sqlite") || b.equals("postgresql")).toList();
    }

    /** A new Quarry with the models' tables: a SQLite file {@code name}.db, or an isolated database on a server. */
    @SafeVarargs
    private Quarry open(String backend, String name, Class<? extends Model>... models) {
        if (backend.equals("sqlite")) {
            return open("jdbc:sqlite:" + dir.resolve(name + ".db"), null, null, models);
        }
        TestDatabases.Target target = TestDatabases.active().stream().filter(t -> t.label().equals(backend))
                .findFirst().orElseThrow();
        TestDatabases.Isolated database = target.create();
        cleanup.push(database::drop);
        return open(database.url(), target.user(), target.password(), models);
    }

    @SafeVarargs
    private Quarry open(String url, String user, String password, Class<? extends Model>... models) {
        Quarry q = Quarry.builder().url(url).user(user).password(password).models(models).build();
        cleanup.push(q::close);
        q.createTables();
        return q;
    }

    /** Runs {@code work}, failing unless it ran {@code onA} statements on {@code a} and {@code onB} on {@code b}. */
    private static <T> T ran(Quarry a, int onA, Quarry b, int onB, Supplier<T> work) {
        return new Queries(a).assertNumQueries(onA, () -> new Queries(b).assertNumQueries(onB, work));
    }

    /** Runs {@code work}, failing unless it ran {@code expected} statements on {@code q}. */
    private static <T> T ran(Quarry q, int expected, Supplier<T> work) {
        return new Queries(q).assertNumQueries(expected, work);
    }

    private static void ran(Quarry q, int expected, Runnable work) {
        new Queries(q).assertNumQueries(expected, work);
    }

    private static void ran(Quarry a, int onA, Quarry b, int onB, Runnable work) {
        ran(a, onA, b, onB, () -> {
            work.run();
            return null;
        });
    }

    private static List<String> names(List<Author> authors) {
        return authors.stream().map(x -> x.name).toList();
    }

    // ----- side by side -----

    @ParameterizedTest(name = "a SQLite file and {0}")
    @MethodSource("backends")
    void twoQuarrysOnDifferentDatabasesHoldDifferentRowsOfTheSameModel(String backend) {
        Quarry a = open("sqlite", "a", Author.class, Book.class);
        Quarry b = open(backend, "b", Author.class, Book.class);
        ran(a, 1, b, 0, () -> Author.objects.using(a).create(x -> x.name = "ann"));
        Author bob = ran(a, 0, b, 1, () -> Author.objects.using(b).create(x -> x.name = "bob"));
        ran(a, 0, b, 1, () -> Author.objects.using(b).create(x -> x.name = "cat"));

        QuerySet<Author> everyone = Author.objects.using(a).orderBy("name");
        assertThat(names(ran(a, 1, b, 0, everyone::list))).containsExactly("ann");
        // using(b) gives a new QuerySet on b; the one built for a still runs on a.
        assertThat(names(ran(a, 0, b, 1, () -> everyone.using(b).list()))).containsExactly("bob", "cat");
        assertThat(ran(a, 1, b, 0, everyone::count)).isEqualTo(1);

        // Writes through a bound Manager and a bound QuerySet reach only their database.
        ran(a, 0, b, 1, () -> Book.objects.using(b).create(Map.of("title", "Faust", "author", bob, "year", 1808)));
        assertThat(ran(a, 0, b, 1, () -> Author.objects.using(a).filter("name", "bob").using(b).update("name", "Bob")))
                .isEqualTo(1);

        // With a installed, unbound managers run on a and bound ones on b.
        a.install();
        assertThat(ran(a, 1, b, 0, () -> Author.objects.valuesList("name", String.class).list())).containsExactly("ann");
        assertThat(ran(a, 1, b, 0, () -> Book.objects.count())).isZero();
        assertThat(ran(a, 0, b, 1, () -> Author.objects.using(b).orderBy("name").valuesList("name", String.class).list()))
                .containsExactly("Bob", "cat");
        assertThat(ran(a, 0, b, 1, () -> Book.objects.using(b).get("author__name", "Bob").title)).isEqualTo("Faust");
        assertThat(ran(a, 0, b, 1, () -> Author.objects.orderBy("name").using(b).first().orElseThrow().name))
                .isEqualTo("Bob");
        assertThat(ran(a, 0, b, 1, () -> Author.objects.orderBy("name").valuesList("name", String.class).using(b).list()))
                .containsExactly("Bob", "cat");
    }

    @Test
    void aReverseRelationExistsOnlyInTheQuarryThatRegisteredItsForeignKey() {
        Quarry a = open("sqlite", "a", Author.class, Book.class, Review.class);
        Quarry b = open("sqlite", "b", Book.class);
        Book inA = Book.objects.using(a).create(Map.of("title", "Dune", "year", 1965,
                "author", Author.objects.using(a).create(x -> x.name = "ann")));
        Review.objects.using(a).create(Map.of("book", inA, "reader", "u1", "stars", 5));
        Book.objects.using(b).create(Map.of("title", "Dune", "year", 1965,
                "author", Author.objects.using(b).create(x -> x.name = "ann")));

        // b registered Book, which brings Author, and not Review: Book has no 'reviews' there.
        assertThat(b.models()).extracting(ModelInfo::type).containsExactlyInAnyOrder(Author.class, Book.class);
        assertThat(a.model(Book.class).relation("reviews")).isPresent();
        assertThat(b.model(Book.class).relation("reviews")).isEmpty();

        QuerySet<Book> wellReviewed = Book.objects.using(a).filter("reviews__stars__gte", 4);
        assertThat(ran(a, 1, b, 0, wellReviewed::list)).extracting(x -> x.title).containsExactly("Dune");
        ran(a, 0, b, 0, () -> {
            // using(b) resolves the steps against b's models at once: the lookup fails there, before any SQL.
            assertThatThrownBy(() -> wellReviewed.using(b)).isInstanceOf(FieldError.class)
                    .hasMessageContaining("'reviews'").hasMessageContaining("Book")
                    .satisfies(e -> assertThat(((FieldError) e).name()).isEqualTo("reviews"));
            assertThatThrownBy(() -> Book.objects.using(b).filter("reviews__stars__gte", 4)).isInstanceOf(FieldError.class)
                    .hasMessageContaining("'reviews'");
            assertThatThrownBy(() -> b.model(Review.class)).isInstanceOf(ImproperlyConfigured.class)
                    .hasMessageContaining("Review is not a model of this Quarry")
                    .hasMessageContaining("Add Review.class to Quarry.builder().models(...)");
            assertThatThrownBy(() -> Review.objects.using(b).count()).isInstanceOf(ImproperlyConfigured.class)
                    .hasMessageContaining("Add Review.class to Quarry.builder().models(...)");
        });

        // The same on instances: a Book loaded from a has reviews, one loaded from b does not.
        Book fromA = Book.objects.using(a).get("title", "Dune");
        Book fromB = Book.objects.using(b).get("title", "Dune");
        assertThat(ran(a, 1, b, 0, () -> fromA.related("reviews", Review.class).count())).isEqualTo(1);
        ran(a, 0, b, 0, () -> assertThatThrownBy(() -> fromB.related("reviews", Review.class))
                .isInstanceOf(FieldError.class).hasMessageContaining("'reviews'"));
        // A relation both registered works on both.
        assertThat(ran(a, 0, b, 1, () -> Author.objects.using(b).filter("books__title", "Dune").count())).isEqualTo(1);
    }

    // ----- instances -----

    @Test
    void instancesLoadedFromOneQuarrySaveAndLoadRelationsThereWhileAnotherIsInstalled() {
        Quarry a = open("sqlite", "a", Book.class);
        Quarry b = open("sqlite", "b", Book.class);
        Author ann = Author.objects.using(a).create(x -> x.name = "ann");
        Book.objects.using(a).create(Map.of("title", "Emma", "author", ann, "year", 1815));
        Author bobInB = Author.objects.using(b).create(x -> x.name = "bob");
        Book.objects.using(b).create(Map.of("title", "Faust", "author", bobInB, "year", 1808));
        a.install();

        Book faust = ran(a, 0, b, 1, () -> Book.objects.using(b).get("title", "Faust"));
        // Both files are new, so key 1 is ann in a and bob in b: the Ref must ask b.
        assertThat(faust.author.id()).isEqualTo(ann.id);
        Author bob = ran(a, 0, b, 1, () -> faust.author.get());
        assertThat(bob.name).isEqualTo("bob");
        assertThat(ran(a, 0, b, 1, () -> bob.related("books", Book.class).list())).extracting(x -> x.title)
                .containsExactly("Faust");

        bob.name = "Bob";
        ran(a, 0, b, 1, bob::save);
        faust.year = 1832;
        ran(a, 0, b, 1, faust::save);
        ran(a, 0, b, 1, () -> bob.related("books", Book.class).create(x -> {
            x.title = "Urfaust";
            x.year = 1775;
        }));
        ran(a, 0, b, 1, bob::refreshFromDb);

        // However they were loaded or saved: through selectRelated, a prefetch, a stream, bulkCreate.
        Book viaJoin = ran(a, 0, b, 1, () -> Book.objects.using(b).selectRelated("author").get("title", "Faust"));
        ran(a, 0, b, 1, () -> viaJoin.author.get().save());
        Author viaPrefetch = ran(a, 0, b, 2, () -> Book.objects.using(b).prefetchRelated("author").get("title", "Faust"))
                .author.get();
        assertThat(ran(a, 0, b, 1, () -> viaPrefetch.related("books", Book.class).count())).isEqualTo(2);
        Author streamed = ran(a, 0, b, 1, () -> {
            try (var authors = Author.objects.using(b).stream()) {
                return authors.findFirst().orElseThrow();
            }
        });
        assertThat(ran(a, 0, b, 1, () -> streamed.related("books", Book.class).count())).isEqualTo(2);
        Author cat = new Author();
        cat.name = "cat";
        ran(a, 0, b, 1, () -> Author.objects.using(b).bulkCreate(List.of(cat)));
        cat.name = "Cat";
        ran(a, 0, b, 1, cat::save);

        assertThat(ran(a, 0, b, 1, () -> Author.objects.using(b).orderBy("name").valuesList("name", String.class).list()))
                .containsExactly("Bob", "Cat");
        assertThat(ran(a, 0, b, 1, () -> Book.objects.using(b).orderBy("title").valuesList("title", String.class).list()))
                .containsExactly("Faust", "Urfaust");
        assertThat(ran(a, 0, b, 1, () -> Book.objects.using(b).filter("author__name", "Bob").filter("year", 1832).count()))
                .isEqualTo(1);
        // The installed Quarry's rows are untouched.
        assertThat(ran(a, 1, b, 0, () -> Author.objects.valuesList("name", String.class).list())).containsExactly("ann");
        assertThat(ran(a, 1, b, 0, () -> Book.objects.valuesList("title", String.class).list())).containsExactly("Emma");
    }

    // ----- close, install, uninstall -----

    @Test
    void queriesBoundToAClosedQuarryFailSayingItHasBeenClosed() {
        Quarry a = open("sqlite", "a", Book.class);
        Author ann = Author.objects.using(a).create(x -> x.name = "ann");
        Manager<Author> manager = Author.objects.using(a);
        QuerySet<Author> kept = manager.filter("name", "ann");
        assertThat(ran(a, 1, kept::count)).isEqualTo(1);

        a.close();
        assertThat(a.isClosed()).isTrue();
        List<Runnable> refused = List.of(kept::list, kept::count, () -> kept.filter("name__startswith", "a").exists(),
                manager::count, () -> manager.create(x -> x.name = "bob"), ann::save,
                () -> ann.related("books", Book.class).list(), a::createTables, () -> a.atomic().call(() -> 1));
        ran(a, 0, () -> {
            for (Runnable r : refused) {
                assertThatThrownBy(r::run).isInstanceOf(ImproperlyConfigured.class).hasMessageContaining("has been closed");
            }
        });
    }

    @Test
    void closingTheInstalledQuarryMakesCurrentSayClosedRatherThanNotInstalled() {
        Quarry a = open("sqlite", "a", Book.class).install();
        Author.objects.create(x -> x.name = "ann");
        a.close();

        ran(a, 0, () -> {
            assertThatThrownBy(Quarry::current).isInstanceOf(ImproperlyConfigured.class)
                    .hasMessageContaining("The installed Quarry").hasMessageContaining("has been closed")
                    .hasMessageNotContaining("No Quarry is installed");
            assertThatThrownBy(() -> Author.objects.count()).isInstanceOf(ImproperlyConfigured.class)
                    .hasMessageContaining("has been closed");
        });
        assertThatThrownBy(a::install).isInstanceOf(ImproperlyConfigured.class).hasMessageContaining("has been closed");
        // A closed Quarry does not block installing another one.
        Quarry b = open("sqlite", "b", Book.class);
        assertThat(b.install()).isSameAs(b);
        assertThat(Quarry.current()).isSameAs(b);
        assertThat(ran(b, 1, () -> Author.objects.count())).isZero();
    }

    @Test
    void installingWhileAnotherOpenQuarryIsInstalledThrowsNamingIt() {
        Quarry a = open("sqlite", "a", Book.class, Review.class);
        Quarry b = open("sqlite", "b", Book.class);
        assertThat(a.install()).isSameAs(a);
        // Installing the installed Quarry again does nothing.
        assertThat(a.install()).isSameAs(a);

        assertThatThrownBy(b::install).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("Another Quarry is installed (" + a + ")")
                .hasMessageContaining("Quarry.uninstall()");
        assertThat(Quarry.current()).isSameAs(a);
        assertThat(ran(a, 1, b, 0, () -> Review.objects.count())).isZero();

        Quarry.uninstall();
        assertThat(b.install()).isSameAs(b);
        assertThat(Quarry.current()).isSameAs(b);
        assertThat(ran(a, 0, b, 1, () -> Book.objects.count())).isZero();
    }

    @Test
    void afterUninstallManagersFailSayingNoQuarryIsInstalled() {
        Quarry a = open("sqlite", "a", Book.class).install();
        Author.objects.create(x -> x.name = "ann");
        QuerySet<Author> builtWhileInstalled = Author.objects.filter("name", "ann");
        assertThat(ran(a, 1, builtWhileInstalled::count)).isEqualTo(1);

        Quarry.uninstall();
        Quarry.uninstall();
        ran(a, 0, () -> {
            assertThatThrownBy(Quarry::current).isInstanceOf(ImproperlyConfigured.class)
                    .hasMessageContaining("No Quarry is installed");
            for (Runnable r : List.<Runnable>of(() -> Author.objects.count(), () -> Author.objects.create(x -> x.name = "bob"),
                    builtWhileInstalled::list)) {
                assertThatThrownBy(r::run).isInstanceOf(ImproperlyConfigured.class)
                        .hasMessageContaining("No Quarry is installed").hasMessageContaining("using(db)");
            }
        });
        // Queries bound to it still run.
        assertThat(ran(a, 1, () -> builtWhileInstalled.using(a).count())).isEqualTo(1);
    }

    // ----- QuerySets built before a Quarry exists -----

    /** A query kept in a constant, as applications do; its class is initialised by the test, with no Quarry installed. */
    private static final class Kept {
        static final QuerySet<Author> WITH_MODERN_BOOKS = Author.objects.filter("books__year__gte", 1800).distinct()
                .orderBy("name");
    }

    @Test
    void aQuerySetBuiltBeforeAnyQuarryIsInstalledRunsOnEachQuarryInstalledLater() {
        QuerySet<Author> kept = Kept.WITH_MODERN_BOOKS;
        assertThatThrownBy(kept::list).isInstanceOf(ImproperlyConfigured.class).hasMessageContaining("No Quarry is installed");

        // Different models, so different registries: a resolution kept from one would be stale on the other.
        Quarry a = open("sqlite", "a", Book.class);
        Quarry b = open("sqlite", "b", Book.class, Review.class);
        Author ann = Author.objects.using(a).create(x -> x.name = "ann");
        Book.objects.using(a).create(Map.of("title", "Emma", "author", ann, "year", 1815));
        Author bob = Author.objects.using(b).create(x -> x.name = "bob");
        Author cat = Author.objects.using(b).create(x -> x.name = "cat");
        Book.objects.using(b).create(Map.of("title", "Faust", "author", bob, "year", 1808));
        Book.objects.using(b).create(Map.of("title", "Urfaust", "author", bob, "year", 1775));
        Book.objects.using(b).create(Map.of("title", "Candide", "author", cat, "year", 1759));

        a.install();
        assertThat(names(ran(a, 1, b, 0, kept::list))).containsExactly("ann");
        QuerySet<Author> builtOnA = kept.filter("books__title__startswith", "F");
        assertThat(ran(a, 1, b, 0, builtOnA::count)).isZero();

        Quarry.uninstall();
        b.install();
        assertThat(names(ran(a, 0, b, 1, kept::list))).containsExactly("bob");
        assertThat(names(ran(a, 0, b, 1, builtOnA::list))).containsExactly("bob");
        assertThat(ran(a, 0, b, 1, () -> kept.filter("books__reviews__isnull", true).count())).isEqualTo(1);

        Quarry.uninstall();
        a.install();
        assertThat(names(ran(a, 1, b, 0, kept::list))).containsExactly("ann");
        assertThat(ran(a, 1, b, 0, builtOnA::exists)).isFalse();
    }

    // ----- threads -----

    @ParameterizedTest(name = "{0}")
    @MethodSource("threadedBackends")
    void sixteenThreadsShareOneQuerySetAndOneManager(String backend) throws Exception {
        // A file database: an in-memory SQLite URL shares one connection between threads (issue 7).
        // Built before any Quarry is installed, so the threads race to resolve it.
        QuerySet<Book> annsBooks = Book.objects.filter("author__name", "ann").orderBy("title");
        Quarry db = open(backend, "shared", Book.class).install();
        Author ann = Author.objects.create(x -> x.name = "ann");
        Author bob = Author.objects.create(x -> x.name = "bob");
        List<String> titles = List.of("Dune", "Emma", "Faust", "Golem", "Hamlet");
        for (String t : titles) {
            Book.objects.create(Map.of("title", t, "author", t.compareTo("F") < 0 || t.equals("Hamlet") ? ann : bob,
                    "year", 1900 + t.length()));
        }
        List<String> expected = List.of("Dune", "Emma", "Hamlet");
        Manager<Book> books = Book.objects;

        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            new Queries(db).assertNumQueries(THREADS * ITERATIONS * 3, () -> {
                List<Future<Integer>> done = new ArrayList<>();
                for (int n = 0; n < THREADS; n++) {
                    int thread = n;
                    done.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        int checked = 0;
                        for (int i = 0; i < ITERATIONS; i++) {
                            assertThat(annsBooks.list()).extracting(x -> x.title).containsExactlyElementsOf(expected);
                            assertThat(annsBooks.count()).isEqualTo(3);
                            String title = titles.get((thread + i) % titles.size());
                            Book found = books.filter("title", title).get();
                            assertThat(found.title).isEqualTo(title);
                            assertThat(found.author.id()).isEqualTo(expected.contains(title) ? ann.id : bob.id);
                            checked++;
                        }
                        return checked;
                    }));
                }
                for (Future<Integer> f : done) {
                    try {
                        assertThat(f.get(5, TimeUnit.MINUTES)).isEqualTo(ITERATIONS);
                    } catch (Exception e) {
                        throw new AssertionError("a thread failed: " + e, e);
                    }
                }
            });
        } finally {
            pool.shutdownNow();
        }
    }
}
