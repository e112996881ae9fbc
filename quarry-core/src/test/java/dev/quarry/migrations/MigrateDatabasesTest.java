package dev.quarry.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.Model;
import dev.quarry.Quarry;
import dev.quarry.Router;
import dev.quarry.test.TestDatabases;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Migrating one of several databases (Django's {@code migrate --database}) on every backend: a router keeps
 * Gadget on "archive" and Shelf on "default"; each database gets only its model's table, both record every
 * migration in their own {@code quarry_migrations}, code operations run on both, and unapplying one database
 * leaves the other as it was. Django 3.2 with the same router (django_migrate_databases.py: default_tables,
 * archive_tables): each database has its model's table and records the migration in its own history.
 */
class MigrateDatabasesTest {
    /** Gadgets live in the archive, everything else in default. */
    static final class ArchiveRouter implements Router {
        @Override
        public Optional<Boolean> allowMigrate(String database, Class<? extends Model> model) {
            return Optional.of(model == Gadget.class ? database.equals("archive") : database.equals("default"));
        }
    }

    static final class D01Both extends Migration {
        @Override
        public List<Operation> operations() {
            return List.of(Operation.createModel(ModelState.of("Shelf", "shelf", FieldState.autoId(),
                            FieldState.charField("label", 30))),
                    Operation.createModel(ModelState.of("Gadget", "gadget", FieldState.autoId(),
                            FieldState.charField("name", 30), FieldState.charField("maker", 30),
                            FieldState.of("price", dev.quarry.spi.FieldType.INTEGER).withDefault(0))),
                    Operation.runSql("CREATE TABLE note (id integer)", "DROP TABLE note"));
        }
    }

    static final class D02Constraints extends Migration {
        @Override
        public List<Class<? extends Migration>> dependencies() {
            return List.of(D01Both.class);
        }

        @Override
        public List<Operation> operations() {
            return List.of(Operation.addConstraint("Gadget", CheckState.of("gadget_price_nonneg", "price >= 0")),
                    Operation.alterUniqueTogether("Gadget", List.of(List.of("name", "maker"))),
                    Operation.addField("Shelf", FieldState.of("depth", dev.quarry.spi.FieldType.INTEGER).withNullable(true)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.quarry.migrations.MigrationDb#backends")
    void eachDatabaseGetsTheModelsItsRoutersAllowAndItsOwnHistory(TestDatabases.Target target) {
        try (MigrationDb db = new MigrationDb(target, Shelf.class);
             MigrationDb archive = new MigrationDb(target, target.create(), Gadget.class);
             Quarry two = Quarry.builder().url(db.database.url()).user(target.user()).password(target.password())
                     .database("archive", archive.database.url(), target.user(), target.password())
                     .models(Shelf.class, Gadget.class).router(new ArchiveRouter()).build()) {
            Migrator migrator = Migrator.of(two, "shop", List.of(D01Both.class, D02Constraints.class));
            assertThat(migrator.migrate()).containsExactly("shop.D01Both", "shop.D02Constraints");
            assertThat(migrator.withDatabase("archive").migrate()).containsExactly("shop.D01Both", "shop.D02Constraints");

            assertThat(db.hasTable("shelf")).isTrue();
            assertThat(db.hasTable("gadget")).isFalse();
            assertThat(db.hasTable("note")).isTrue();
            assertThat(db.columns("shelf")).containsExactly("id", "label", "depth");
            assertThat(archive.hasTable("gadget")).isTrue();
            assertThat(archive.hasTable("shelf")).isFalse();
            assertThat(archive.hasTable("note")).isTrue();
            assertThat(archive.rows("SELECT name FROM quarry_migrations ORDER BY id"))
                    .containsExactly(List.of("D01Both"), List.of("D02Constraints"));

            // Writes on the archive reach its gadget table, with its constraints.
            Gadget.objects.using(two).using("archive").create(g -> {
                g.name = "lamp";
                g.maker = "acme";
            });
            assertThat(archive.number("SELECT count(*) FROM gadget")).isEqualTo(1);
            assertThatThrownBy(() -> Gadget.objects.using(two).using("archive").create(g -> {
                g.name = "desk";
                g.maker = "acme";
                g.price = -1;
            })).isInstanceOf(dev.quarry.IntegrityError.class);

            // sqlMigrate for the archive shows only its model's statements.
            String sql = migrator.withDatabase("archive").sqlMigrate("shop", "D02Constraints");
            assertThat(sql).contains("gadget_price_nonneg").doesNotContain("ADD COLUMN");

            // Unapplying default leaves the archive's tables and history alone.
            assertThat(migrator.migrate("shop", Migrator.ZERO)).containsExactly("shop.D02Constraints", "shop.D01Both");
            assertThat(db.hasTable("shelf")).isFalse();
            assertThat(db.hasTable("note")).isFalse();
            assertThat(archive.hasTable("gadget")).isTrue();
            assertThat(archive.number("SELECT count(*) FROM quarry_migrations")).isEqualTo(2);
            assertThat(db.rows("SELECT name FROM quarry_migrations")).isEmpty();
        }
    }
}
