package dev.quarry.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ExecutedQuery;
import dev.quarry.test.Queries;
import dev.quarry.test.TestDatabases;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code withFakeInitial(true)} (Django's {@code migrate --fake-initial}) on every backend: a database made
 * with {@code createTables()} before migrations adopts them; its initial migration, whose table exists, is
 * recorded without running and the later ones run; without the option the same run fails on the existing
 * table and records nothing; where the table is missing, the initial migration runs as usual. Django 3.2
 * does the same on a database whose tables were made by hand (django_migrate_databases.py:
 * legacy_plain_migrate = OperationalError, legacy_fake_initial = FAKED and recorded).
 */
class FakeInitialTest {
    static final class F01Shelves extends Migration {
        @Override
        public List<Operation> operations() {
            return List.of(Operation.createModel(ModelState.of("Shelf", "shelf", FieldState.autoId(),
                    FieldState.charField("label", 30))));
        }
    }

    static final class F02Depth extends Migration {
        @Override
        public List<Class<? extends Migration>> dependencies() {
            return List.of(F01Shelves.class);
        }

        @Override
        public List<Operation> operations() {
            return List.of(Operation.addField("Shelf", FieldState.of("depth", dev.quarry.spi.FieldType.INTEGER)
                    .withNullable(true)));
        }
    }

    private static Migrator migrator(MigrationDb db) {
        return Migrator.of(db.quarry, "shop", List.of(F01Shelves.class, F02Depth.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.quarry.migrations.MigrationDb#backends")
    void anInitialMigrationWhoseTableExistsIsRecordedWithoutRunning(TestDatabases.Target target) {
        try (MigrationDb db = new MigrationDb(target, Shelf.class)) {
            db.quarry.createTables();
            Shelf.objects.using(db.quarry).create(s -> s.label = "oak");

            assertThatThrownBy(() -> migrator(db).migrate()).isInstanceOf(MigrationError.class)
                    .hasMessageContaining("F01Shelves");
            assertThat(db.hasTable("quarry_migrations") ? db.rows("SELECT name FROM quarry_migrations") : List.of()).isEmpty();

            Queries queries = new Queries(db.quarry);
            List<ExecutedQuery> ran = queries.captured(() -> assertThat(migrator(db).withFakeInitial(true).migrate())
                    .containsExactly("shop.F01Shelves", "shop.F02Depth"));
            assertThat(ran).noneMatch(q -> q.sql().matches("(?s)CREATE TABLE [\"`]shelf[\"`].*"));
            assertThat(ran).filteredOn(q -> q.sql().contains("depth")).isNotEmpty();
            assertThat(db.columns("shelf")).containsExactly("id", "label", "depth");
            assertThat(db.rows("SELECT label, depth FROM shelf")).containsExactly(java.util.Arrays.asList("oak", null));
            assertThat(db.rows("SELECT name FROM quarry_migrations WHERE applied IS NOT NULL ORDER BY id"))
                    .containsExactly(List.of("F01Shelves"), List.of("F02Depth"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.quarry.migrations.MigrationDb#backends")
    void anInitialMigrationWhoseTableIsMissingRuns(TestDatabases.Target target) {
        try (MigrationDb db = new MigrationDb(target, Shelf.class)) {
            assertThat(migrator(db).withFakeInitial(true).migrate()).containsExactly("shop.F01Shelves", "shop.F02Depth");
            assertThat(db.columns("shelf")).containsExactly("id", "label", "depth");
            // A later migration is never faked: with the column there already, it fails rather than being skipped.
            migrator(db).migrate("shop", "F01Shelves");
            db.execute("ALTER TABLE shelf ADD COLUMN depth integer NULL");
            assertThatThrownBy(() -> migrator(db).withFakeInitial(true).migrate()).isInstanceOf(MigrationError.class)
                    .hasMessageContaining("F02Depth");
        }
    }
}
