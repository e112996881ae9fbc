package dev.quarry.raw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.Model;
import dev.quarry.Quarry;
import dev.quarry.Router;
import dev.quarry.test.Queries;
import dev.quarry.test.TestDatabases;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Raw SQL with several databases: {@code raw()} and {@code explain()} go where reads of the model go
 * (the routers' {@code dbForRead}, as Django's {@code RawQuerySet.db}), {@code using("name")} on the
 * manager or the RawQuerySet overrides it, {@code Quarry.execute/query} run on "default" and
 * {@code statements("name")} on the named database, in that database's transactions. Each test builds a
 * Quarry with a "default" and a "replica" database of one backend (SQLite files, or isolated
 * schemas/databases on each reachable server) and counts the statements run on each.
 */
class RawRoutingTest {
    /** Reads go to "replica", writes to "default". */
    private static final Router READS_TO_REPLICA = new Router() {
        @Override
        public Optional<String> dbForRead(Class<? extends Model> model, Hints hints) {
            return Optional.of("replica");
        }

        @Override
        public Optional<String> dbForWrite(Class<? extends Model> model, Hints hints) {
            return Optional.of("default");
        }

        @Override
        public Optional<Boolean> allowRelation(Model a, Model b) {
            return Optional.of(true);
        }
    };

    @TempDir
    Path dir;

    private final Deque<Runnable> cleanup = new ArrayDeque<>();

    @BeforeEach
    void start() {
        Quarry.uninstall();
    }

    @AfterEach
    void stop() {
        Quarry.uninstall();
        while (!cleanup.isEmpty()) {
            cleanup.pop().run();
        }
    }

    static List<String> backends() {
        List<String> out = new ArrayList<>();
        out.add("sqlite");
        TestDatabases.active().stream().filter(t -> !t.vendor().equals("sqlite")).forEach(t -> out.add(t.label()));
        return out;
    }

    /** A Quarry on {@code backend} with "default" and "replica", tables on both, the router installed, ann's books on each. */
    private Quarry quarry(String backend) {
        Quarry.Builder b = Quarry.builder().models(Author.class, Book.class).router(READS_TO_REPLICA);
        for (String name : List.of("default", "replica")) {
            String[] db = create(backend, name);
            if (name.equals("default")) {
                b.url(db[0]).user(db[1]).password(db[2]);
            } else {
                b.database(name, db[0], db[1], db[2]);
            }
        }
        Quarry q = b.build();
        cleanup.push(q::close);
        q.createTables();
        q.install();
        for (String name : q.databases()) {
            Author a = Author.objects.using(name).create(x -> x.name = "ann on " + name);
            Book.objects.using(name).create(x -> {
                x.title = "Dune on " + name;
                x.pages = 412;
                x.author.set(a);
            });
        }
        return q;
    }

    private String[] create(String backend, String name) {
        if (backend.equals("sqlite")) {
            return new String[] {"jdbc:sqlite:" + dir.resolve(name + ".db"), null, null};
        }
        TestDatabases.Target target = TestDatabases.active().stream().filter(t -> t.label().equals(backend)).findFirst()
                .orElseThrow();
        TestDatabases.Isolated database = target.create();
        cleanup.push(database::drop);
        return new String[] {database.url(), target.user(), target.password()};
    }

    /** Runs {@code work}, failing unless it ran {@code onDefault} statements on "default" and {@code onReplica} on "replica". */
    private static <T> T ran(Quarry q, int onDefault, int onReplica, Supplier<T> work) {
        return new Queries(q, "default").assertNumQueries(onDefault, () -> new Queries(q, "replica")
                .assertNumQueries(onReplica, work));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void rawReadsWhereTheRoutersSendReads(String backend) {
        Quarry q = quarry(backend);
        List<Book> books = ran(q, 0, 1, () -> Book.objects.raw("SELECT * FROM raw_book").list());
        assertThat(books).extracting(b -> b.title).containsExactly("Dune on replica");
        assertThat(books.get(0).database()).contains("replica");
        // Its relations load from the database it came from.
        assertThat(ran(q, 0, 1, () -> books.get(0).author.get().name)).isEqualTo("ann on replica");
        assertThat(ran(q, 1, 0, () -> Book.objects.raw("SELECT * FROM raw_book").using("default").list()))
                .extracting(b -> b.title).containsExactly("Dune on default");
        assertThat(ran(q, 1, 0, () -> Book.objects.using("default").raw("SELECT * FROM raw_book").list()))
                .extracting(b -> b.title).containsExactly("Dune on default");
        assertThat(ran(q, 1, 0, () -> Book.objects.raw("SELECT id, title FROM raw_book").using(q).using("default")
                .columns())).containsExactly("id", "title");
        assertThatThrownBy(() -> Book.objects.raw("SELECT * FROM raw_book").using("nowhere"))
                .isInstanceOf(dev.quarry.ImproperlyConfigured.class).hasMessageContaining("no database named 'nowhere'");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void explainRunsWhereTheQueryWould(String backend) {
        Quarry q = quarry(backend);
        assertThat(ran(q, 0, 1, () -> Book.objects.filter("pages__gt", 1).explain())).contains("raw_book");
        assertThat(ran(q, 1, 0, () -> Book.objects.using("default").explain())).contains("raw_book");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void statementsRunOnTheDatabaseNamed(String backend) {
        Quarry q = quarry(backend);
        assertThat(ran(q, 1, 0, () -> q.execute("UPDATE raw_book SET pages = ?", 1))).isEqualTo(1);
        assertThat(ran(q, 0, 1, () -> q.statements("replica").queryLists("SELECT pages FROM raw_book")))
                .containsExactly(List.of(412L));
        assertThat(ran(q, 1, 0, () -> q.queryLists("SELECT pages FROM raw_book"))).containsExactly(List.of(1L));
        // A block on "replica" takes the statements on "replica" into its transaction.
        assertThatThrownBy(() -> q.atomic("replica").run(() -> {
            q.statements("replica").execute("DELETE FROM raw_book");
            throw new IllegalStateException("undo");
        })).hasMessage("undo");
        assertThat(q.statements("replica").queryLists("SELECT COUNT(*) FROM raw_book")).containsExactly(List.of(1L));
        q.atomic("replica").run(() -> q.statements("replica").execute("DELETE FROM raw_book"));
        assertThat(q.statements("replica").queryLists("SELECT COUNT(*) FROM raw_book")).containsExactly(List.of(0L));
        assertThat(q.queryLists("SELECT COUNT(*) FROM raw_book")).containsExactly(List.of(1L));
    }
}
