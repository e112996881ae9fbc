package dev.quarry.multidb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.DatabaseError;
import dev.quarry.ImproperlyConfigured;
import dev.quarry.InvalidValueError;
import dev.quarry.Quarry;
import dev.quarry.Router;
import dev.quarry.test.Queries;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Several named databases in one Quarry (one registry): {@code using("other")} on managers and
 * QuerySets, {@code saveTo}/{@code deleteFrom}, instances that remember their database and load
 * their relations from it, relations refused across databases, atomic blocks and tables per
 * database. Each test builds a Quarry with two databases of one backend ("default" and "other"),
 * on SQLite and on every reachable server, and counts the statements run on each database.
 */
class MultipleDatabasesTest {
    @TempDir
    Path dir;

    private Databases databases;

    @BeforeEach
    void start() {
        Quarry.uninstall();
        databases = new Databases(dir);
    }

    @AfterEach
    void stop() {
        Quarry.uninstall();
        databases.close();
    }

    static List<String> backends() {
        return Databases.backends();
    }

    private Quarry twoDatabases(String backend, Router... routers) {
        return databases.quarry(backend, List.of("default", "other"), List.of(routers), b -> { });
    }

    /** Runs {@code work}, failing unless it ran {@code onDefault} statements on "default" and {@code onOther} on "other". */
    private static <T> T ran(Quarry q, int onDefault, int onOther, Supplier<T> work) {
        return new Queries(q, "default").assertNumQueries(onDefault, () -> new Queries(q, "other").assertNumQueries(onOther,
                work));
    }

    private static void ran(Quarry q, int onDefault, int onOther, Runnable work) {
        ran(q, onDefault, onOther, () -> {
            work.run();
            return null;
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void usingByNameRunsOnThatDatabaseOnly(String backend) {
        Quarry q = twoDatabases(backend).install();
        assertThat(q.databases()).containsExactly("default", "other");
        ran(q, 1, 0, () -> Author.objects.create(a -> a.name = "ann"));
        ran(q, 0, 2, () -> {
            Author.objects.using("other").create(a -> a.name = "bob");
            Author.objects.using("other").create(a -> a.name = "cat");
        });
        assertThat(ran(q, 1, 0, () -> Author.objects.all().valuesList("name", String.class).list())).containsExactly("ann");
        assertThat(ran(q, 0, 1, () -> Author.objects.orderBy("name").using("other").valuesList("name", String.class).list()))
                .containsExactly("bob", "cat");
        assertThat(ran(q, 0, 1, () -> Author.objects.all().valuesList("name", String.class).using("other").count()))
                .isEqualTo(2);
        assertThat(ran(q, 0, 1, () -> Author.objects.using("other").filter("name", "bob").exists())).isTrue();
        ran(q, 0, 1, () -> assertThat(Author.objects.all().using("other").update("name", "x")).isEqualTo(2));
        assertThat(ran(q, 1, 0, () -> Author.objects.get("name", "ann").database())).contains("default");
        // A QuerySet stays a value: using() leaves the original on its database.
        var all = Author.objects.all();
        assertThat(all.using("other").count()).isEqualTo(2);
        assertThat(all.count()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void instancesRememberTheirDatabaseForSavesAndRelations(String backend) {
        Quarry q = twoDatabases(backend).install();
        Author.objects.create(a -> a.name = "decoy"); // an author with the same key on "default"
        Author bob = Author.objects.using("other").create(a -> a.name = "bob");
        assertThat(bob.database()).contains("other");
        Book dune = ran(q, 0, 1, () -> bob.books().create(b -> b.title = "Dune"));
        assertThat(dune.database()).contains("other");

        Author loaded = ran(q, 0, 1, () -> Author.objects.using("other").get("name", "bob"));
        assertThat(loaded.database()).contains("other");
        loaded.name = "robert";
        ran(q, 0, 1, loaded::save);
        assertThat(ran(q, 0, 1, () -> loaded.books().all().list())).extracting(b -> b.title).containsExactly("Dune");
        Book book = ran(q, 0, 1, () -> Book.objects.using("other").get("title", "Dune"));
        assertThat(ran(q, 0, 1, () -> book.author.get().name)).isEqualTo("robert");
        ran(q, 0, 1, book::refreshFromDb);
        assertThat(Author.objects.valuesList("name", String.class).list()).containsExactly("decoy");
        assertThat(Book.objects.count()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void saveToAndDeleteFromNameTheDatabase(String backend) {
        Quarry q = twoDatabases(backend).install();
        Tag tag = ran(q, 1, 0, () -> Tag.objects.create(t -> t.name = "sf"));
        // Saved to the other database: no row with its key there, so it is inserted (Django's save(using=...));
        // UPDATE, INSERT (and on PostgreSQL the sequence moved past the key).
        List<dev.quarry.ExecutedQuery> copied = new Queries(q, "default").assertNumQueries(0, () -> new Queries(q, "other")
                .captured(() -> tag.saveTo("other")));
        assertThat(copied.subList(0, 2)).extracting(e -> e.sql().substring(0, 6)).containsExactly("UPDATE", "INSERT");
        assertThat(tag.database()).contains("other");
        tag.name = "science fiction";
        ran(q, 0, 1, tag::save);
        assertThat(Tag.objects.using("other").valuesList("name", String.class).list()).containsExactly("science fiction");
        assertThat(Tag.objects.valuesList("name", String.class).list()).containsExactly("sf");

        Tag copy = Tag.objects.using("other").get("name", "science fiction");
        // The tag's many-to-many rows, then the tag.
        assertThat(ran(q, 2, 0, () -> copy.deleteFrom("default")).get("Tag")).isEqualTo(1);
        assertThat(Tag.objects.count()).isZero();
        assertThat(Tag.objects.using("other").count()).isEqualTo(1);
        Tag again = Tag.objects.using("other").get("name", "science fiction");
        assertThat(ran(q, 0, 2, again::delete).get("Tag")).isEqualTo(1);
        assertThat(Tag.objects.using("other").count()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void relationsAcrossDatabasesAreRefusedBeforeAnySql(String backend) {
        Quarry q = twoDatabases(backend).install();
        Author ann = Author.objects.create(a -> a.name = "ann");
        Author bob = Author.objects.using("other").create(a -> a.name = "bob");
        Book onDefault = Book.objects.create(b -> {
            b.title = "Emma";
            b.author.set(ann);
        });
        ran(q, 0, 0, () -> assertThatThrownBy(() -> onDefault.author.set(bob))
                .isInstanceOf(InvalidValueError.class)
                .hasMessageContaining("Book.author cannot point at a Author from database 'other'")
                .hasMessageContaining("belongs to 'default'"));
        Tag otherTag = Tag.objects.using("other").create(t -> t.name = "x");
        ran(q, 0, 0, () -> assertThatThrownBy(() -> onDefault.tags.add(otherTag)).isInstanceOf(InvalidValueError.class));
        Book stray = Book.objects.using("other").create(b -> {
            b.title = "Stray";
            b.author.set(bob);
        });
        ran(q, 0, 0, () -> assertThatThrownBy(() -> ann.books().add(stray)).isInstanceOf(InvalidValueError.class));

        // A new instance joins the database of the instance it is pointed at, as in Django.
        Book fresh = new Book();
        fresh.title = "Dune";
        fresh.author.set(bob);
        assertThat(fresh.database()).contains("other");
        ran(q, 0, 1, fresh::save);
        assertThat(bob.books().count()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void atomicBlocksAndBulkWritesRunOnTheNamedDatabase(String backend) {
        Quarry q = twoDatabases(backend).install();
        assertThatThrownBy(() -> q.atomic("other").run(() -> {
            Author.objects.using("other").create(a -> a.name = "gone");
            throw new IllegalStateException("roll back");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(Author.objects.using("other").count()).isZero();
        List<Author> made = List.of(new Author(), new Author());
        made.get(0).name = "a";
        made.get(1).name = "b";
        ran(q, 0, 1, () -> Author.objects.using("other").bulkCreate(made));
        assertThat(made).allSatisfy(a -> assertThat(a.database()).contains("other"));
        assertThat(Author.objects.using("other").count()).isEqualTo(2);
        Author a = Author.objects.using("other").getOrCreate(java.util.Map.of("name", "a")).object();
        assertThat(a.database()).contains("other");
        assertThat(Author.objects.count()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void tablesAreCreatedWhereAllowMigrateAllows(String backend) {
        Router tagsElsewhere = new Router() {
            @Override
            public Optional<Boolean> allowMigrate(String database, Class<? extends dev.quarry.Model> model) {
                return model == Tag.class ? Optional.of(database.equals("other")) : Optional.empty();
            }
        };
        Quarry q = twoDatabases(backend, tagsElsewhere);
        assertThat(Tag.objects.using(q).using("other").count()).isZero();
        assertThat(Author.objects.using(q).using("other").count()).isZero();
        assertThat(Author.objects.using(q).count()).isZero();
        assertThatThrownBy(() -> Tag.objects.using(q).count()).isInstanceOf(DatabaseError.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void unknownNamesAreRefusedNamingTheDatabases(String backend) {
        Quarry q = twoDatabases(backend);
        assertThatThrownBy(() -> Author.objects.using(q).using("replica"))
                .isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("has no database named 'replica'")
                .hasMessageContaining("[default, other]");
        assertThatThrownBy(() -> Author.objects.using(q).all().using("nope")).isInstanceOf(ImproperlyConfigured.class);
        assertThatThrownBy(() -> q.atomic("nope")).isInstanceOf(ImproperlyConfigured.class);
        assertThatThrownBy(() -> new Author().saveTo("nope")).isInstanceOf(ImproperlyConfigured.class);
        assertThatThrownBy(() -> Quarry.builder().url("jdbc:sqlite::memory:").database("default", "jdbc:sqlite::memory:")
                .models(Author.class).build()).isInstanceOf(ImproperlyConfigured.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> Quarry.builder().database("bad name", "jdbc:sqlite::memory:"))
                .isInstanceOf(ImproperlyConfigured.class);
        assertThatThrownBy(() -> Quarry.builder().database("other", "jdbc:sqlite::memory:").models(Author.class).build())
                .isInstanceOf(ImproperlyConfigured.class).hasMessageContaining("\"default\"");
    }
}
