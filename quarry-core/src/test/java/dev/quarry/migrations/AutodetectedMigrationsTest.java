package dev.quarry.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.Quarry;
import dev.quarry.migrations.v1.Author;
import dev.quarry.migrations.v1.Book;
import dev.quarry.migrations.v1.Tag;
import dev.quarry.migrations.v2.Review;
import dev.quarry.test.Queries;
import dev.quarry.test.TestDatabases;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The autodetector's operations, run as migrations on every backend: the initial migration creates
 * the tables the first models use, the second (a rename, a new model, a new field with a default, a
 * NOT NULL field with a one-off value, a column made longer and NOT NULL) keeps every row, after which
 * the migrations' state equals the new models (nothing left to detect) and the new models read the rows;
 * unapplying gives the first models their tables back.
 */
class AutodetectedMigrationsTest {
    static final class Auto0001 extends Migration {
        @Override
        public List<Operation> operations() {
            return Autodetector.of(ProjectState.empty(), AutodetectorTest.V1).changes();
        }
    }

    static final class Auto0002 extends Migration {
        @Override
        public List<Class<? extends Migration>> dependencies() {
            return List.of(Auto0001.class);
        }

        @Override
        public List<Operation> operations() {
            return Autodetector.of(AutodetectorTest.V1, AutodetectorTest.V2).withRenamedField("Book", "title", "name")
                    .withOneOffDefault("Book", "pages", 100).changes();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.quarry.migrations.MigrationDb#backends")
    void detectedMigrationsKeepTheRowsAndLeaveNothingToDetect(TestDatabases.Target target) {
        try (MigrationDb db = new MigrationDb(target, Book.class)) {
            Migrator migrator = Migrator.of(db.quarry, "library", List.of(Auto0002.class, Auto0001.class));
            assertThat(migrator.migrate("library", "Auto0001")).containsExactly("library.Auto0001");
            Quarry v1 = db.quarry;
            Author rowling = Author.objects.using(v1).create(a -> a.name = "J.K. Rowling");
            Tag fantasy = Tag.objects.using(v1).create(t -> t.name = "Fantasy");
            Book stone = Book.objects.using(v1).create(b -> {
                b.title = "Stone";
                b.author.set(rowling);
            });
            Book.objects.using(v1).create(b -> {
                b.title = "Chamber";
                b.author.set(rowling);
                b.code = "HP2";
            });
            stone.tags.add(fantasy);

            assertThat(migrator.migrate()).containsExactly("library.Auto0002");
            try (Quarry v2 = db.open(dev.quarry.migrations.v2.Book.class, Review.class)) {
                assertThat(migrator.state()).isEqualTo(ProjectState.of(v2));
                assertThat(Autodetector.of(migrator.state(), ProjectState.of(v2)).changes()).isEmpty();
                Queries queries = new Queries(v2);
                List<dev.quarry.migrations.v2.Book> books = queries.assertNumQueries(1, () ->
                        dev.quarry.migrations.v2.Book.objects.using(v2).orderBy("id").list());
                assertThat(books).extracting(b -> b.name).containsExactly("Stone", "Chamber");
                assertThat(books).extracting(b -> b.code).containsExactly("-", "HP2");
                assertThat(books).extracting(b -> b.pages).containsExactly(100, 100);
                assertThat(dev.quarry.migrations.v2.Author.objects.using(v2).get("name", "J.K. Rowling").bio).isEqualTo("");
                assertThat(dev.quarry.migrations.v2.Book.objects.using(v2).filter("tags__name", "Fantasy")
                        .valuesList("name", String.class).list()).containsExactly("Stone");
                Review.objects.using(v2).create(java.util.Map.of("book", books.get(0).id, "rating", 5));
                assertThat(Review.objects.using(v2).filter("book__author__name", "J.K. Rowling").count()).isEqualTo(1L);
                // The one-off value filled the rows but is no default of the column.
                assertThat(db.hasTable("review")).isTrue();
            }

            assertThat(migrator.migrate("library", "Auto0001")).containsExactly("library.Auto0002");
            assertThat(db.hasTable("review")).isFalse();
            assertThat(db.columns("book")).containsExactlyInAnyOrder("id", "title", "author_id", "code");
            assertThat(Book.objects.using(v1).orderBy("id").valuesList("title", String.class).list())
                    .containsExactly("Stone", "Chamber");
            assertThat(Book.objects.using(v1).filter("tags__name", "Fantasy").count()).isEqualTo(1L);

            assertThat(migrator.migrate("library", Migrator.ZERO)).containsExactly("library.Auto0001");
            assertThat(db.hasTable("book")).isFalse();
            assertThat(db.hasTable("book_tags")).isFalse();
            assertThat(migrator.showMigrations()).extracting(MigrationStatus::toString)
                    .containsExactly("[ ] library.Auto0001", "[ ] library.Auto0002");
        }
    }
}
