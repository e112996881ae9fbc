package dev.quarry.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.IntegrityError;
import dev.quarry.Quarry;
import dev.quarry.spi.FieldType;
import dev.quarry.test.Queries;
import dev.quarry.test.TestDatabases;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code @Meta(checks)} and {@code @Meta(uniqueTogether)} on every backend: {@code createTables()} and
 * migrations write them, the database refuses rows that break them with an {@link IntegrityError} (as
 * Django 3.2 does: django_migration_ops.py, negative_price and duplicate_pair), AddConstraint with a check,
 * RemoveConstraint and AlterUniqueTogether apply and unapply keeping the rows, the autodetector finds them
 * in Django's order, and sqlMigrate shows each backend's statements.
 */
class ConstraintsTest {
    static final class C01Gadgets extends Migration {
        @Override
        public List<Operation> operations() {
            return List.of(Operation.createModel(ModelState.of("Gadget", "gadget", FieldState.autoId(),
                    FieldState.charField("name", 30), FieldState.charField("maker", 30),
                    FieldState.of("price", FieldType.INTEGER).withDefault(0))));
        }
    }

    static final class C02Constraints extends Migration {
        @Override
        public List<Class<? extends Migration>> dependencies() {
            return List.of(C01Gadgets.class);
        }

        @Override
        public List<Operation> operations() {
            return List.of(Operation.alterUniqueTogether("Gadget", List.of(List.of("name", "maker"))),
                    Operation.addConstraint("Gadget", CheckState.of("gadget_price_nonneg", "price >= 0")));
        }
    }

    static final class R02Renames extends Migration {
        @Override
        public List<Class<? extends Migration>> dependencies() {
            return List.of(C02Constraints.class);
        }

        @Override
        public List<Operation> operations() {
            return List.of(Operation.renameField("Gadget", "maker", "brand"), Operation.alterModelTable("Gadget", "gizmo"));
        }
    }

    static final class R03NoTogether extends Migration {
        @Override
        public List<Class<? extends Migration>> dependencies() {
            return List.of(R02Renames.class);
        }

        @Override
        public List<Operation> operations() {
            return List.of(Operation.alterUniqueTogether("Gadget", List.of()),
                    Operation.removeConstraint("Gadget", "gadget_price_nonneg"));
        }
    }

    private static Migrator migrator(Quarry quarry) {
        return Migrator.of(quarry, "shop", List.of(C01Gadgets.class, C02Constraints.class));
    }

    private static Gadget gadget(Quarry quarry, String name, String maker, int price) {
        return Gadget.objects.using(quarry).create(g -> {
            g.name = name;
            g.maker = maker;
            g.price = price;
        });
    }

    /** The rows break neither rule: a negative price and a repeated (name, maker) pair are refused, one INSERT each. */
    private static void assertEnforced(MigrationDb db) {
        Queries queries = new Queries(db.quarry);
        assertThatThrownBy(() -> queries.assertNumQueries(1, () -> gadget(db.quarry, "desk", "acme", -1)))
                .isInstanceOf(IntegrityError.class);
        assertThatThrownBy(() -> gadget(db.quarry, "lamp", "acme", 7)).isInstanceOf(IntegrityError.class);
        queries.assertNumQueries(1, () -> gadget(db.quarry, "lamp", "other", 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.quarry.migrations.MigrationDb#backends")
    void createTablesWritesThemAndTheDatabaseRefusesBreakingRows(TestDatabases.Target target) {
        try (MigrationDb db = new MigrationDb(target, Gadget.class)) {
            db.quarry.createTables();
            gadget(db.quarry, "lamp", "acme", 5);
            assertEnforced(db);
            assertThat(db.rows("SELECT name, maker, price FROM gadget ORDER BY id"))
                    .containsExactly(List.of("lamp", "acme", 5L), List.of("lamp", "other", 0L));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.quarry.migrations.MigrationDb#backends")
    void fullCleanChecksUniqueTogetherWithOneQueryAndLeavesChecksToTheDatabase(TestDatabases.Target target) {
        try (MigrationDb db = new MigrationDb(target, Gadget.class)) {
            db.quarry.createTables();
            Gadget lamp = gadget(db.quarry, "lamp", "acme", 5);
            Gadget dup = new Gadget();
            dup.name = "lamp";
            dup.maker = "acme";
            Queries queries = new Queries(db.quarry);
            // Django: full_clean_unique_together = {'__all__': ['Gadget with this Name and Maker already exists.']},
            // full_clean_queries = 1.
            dev.quarry.ValidationError[] caught = new dev.quarry.ValidationError[1];
            db.quarry.install(); // an unsaved instance belongs to the installed Quarry
            try {
                assertThat(queries.captured(() -> {
                    try {
                        dup.fullClean();
                    } catch (dev.quarry.ValidationError e) {
                        caught[0] = e;
                    }
                })).hasSize(1);
            } finally {
                Quarry.uninstall();
            }
            assertThat(caught[0].nonFieldErrors()).containsExactly("Gadget with this Name and Maker already exists.");
            assertThat(caught[0].fieldErrors()).isEmpty();
            // The saved row itself passes; a negative price passes too (Django 3.2: full_clean_check passes).
            queries.assertNumQueries(1, lamp::fullClean);
            lamp.price = -1;
            lamp.fullClean();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.quarry.migrations.MigrationDb#backends")
    void migrationsAddAndRemoveThemKeepingRows(TestDatabases.Target target) {
        try (MigrationDb db = new MigrationDb(target, Gadget.class)) {
            Migrator migrator = migrator(db.quarry);
            migrator.migrate("shop", "C01Gadgets");
            gadget(db.quarry, "lamp", "acme", 5);
            gadget(db.quarry, "desk", "acme", 0);

            assertThat(migrator.migrate()).containsExactly("shop.C02Constraints");
            assertThat(db.rows("SELECT name, price FROM gadget ORDER BY id"))
                    .containsExactly(List.of("lamp", 5L), List.of("desk", 0L));
            assertEnforced(db);
            assertThat(Autodetector.of(migrator.state(), ProjectState.of(db.quarry)).changes()).isEmpty();

            // Unapplied: both rules are gone, so rows breaking them go in.
            assertThat(migrator.migrate("shop", "C01Gadgets")).containsExactly("shop.C02Constraints");
            gadget(db.quarry, "desk", "acme", -1);
            assertThat(db.number("SELECT count(*) FROM gadget WHERE price < 0")).isEqualTo(1);

            // Applying again fails on those rows; the history keeps C01 only.
            assertThatThrownBy(migrator::migrate).isInstanceOf(MigrationError.class)
                    .hasMessageContaining("C02Constraints");
            assertThat(db.rows("SELECT name FROM quarry_migrations WHERE applied IS NOT NULL"))
                    .containsExactly(List.of("C01Gadgets"));
            assertThat(db.number("SELECT count(*) FROM gadget")).isEqualTo(4);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.quarry.migrations.MigrationDb#backends")
    void uniqueTogetherFollowsRenamesOfItsColumnAndTable(TestDatabases.Target target) {
        try (MigrationDb db = new MigrationDb(target, Gadget.class)) {
            Migrator migrator = Migrator.of(db.quarry, "shop", List.of(C01Gadgets.class, C02Constraints.class,
                    R02Renames.class, R03NoTogether.class));
            migrator.migrate("shop", "R02Renames");
            db.execute("INSERT INTO gizmo (name, brand, price) VALUES ('lamp', 'acme', 1)");
            // The unique index was re-created as gizmo_name_brand_uniq: the pair is still refused.
            assertThatThrownBy(() -> db.execute("INSERT INTO gizmo (name, brand, price) VALUES ('lamp', 'acme', 2)"))
                    .isInstanceOf(IntegrityError.class);
            assertThat(migrator.sqlMigrate("shop", "R03NoTogether", target.vendor(), false))
                    .contains("gizmo_name_brand_uniq");

            // R03 drops it under that name; the pair then goes in twice.
            migrator.migrate();
            db.execute("INSERT INTO gizmo (name, brand, price) VALUES ('lamp', 'acme', -2)");
            assertThat(db.number("SELECT count(*) FROM gizmo")).isEqualTo(2);

            // Back to C02: the duplicate goes, then the index and the table come back under their first names.
            db.execute("DELETE FROM gizmo WHERE price < 0");
            assertThat(migrator.migrate("shop", "C02Constraints")).containsExactly("shop.R03NoTogether", "shop.R02Renames");
            assertThat(db.columns("gadget")).containsExactly("id", "name", "maker", "price");
            assertEnforced(db);
            assertThat(migrator.migrate("shop", "C01Gadgets")).containsExactly("shop.C02Constraints");
        }
    }

    @Test
    void theAutodetectorFindsThemInDjangosOrder() {
        try (Quarry quarry = Quarry.builder().url("jdbc:sqlite::memory:").models(Gadget.class).build()) {
            ProjectState models = ProjectState.of(quarry);
            ProjectState before = Migrator.of(quarry, "shop", List.of(C01Gadgets.class)).state();
            // Django: detect_add_check_and_unique_together = [AlterUniqueTogether, AddConstraint].
            assertThat(Autodetector.of(before, models).changes()).extracting(Operation::factory)
                    .containsExactly("alterUniqueTogether", "addConstraint");
            assertThat(Autodetector.of(before, models).changes()).extracting(Operation::describe).containsExactly(
                    "Alter unique_together for Gadget (1 constraint(s))",
                    "Create constraint gadget_price_nonneg on model Gadget (CHECK price >= 0)");
            // Django: detect_remove_both = [RemoveConstraint, AlterUniqueTogether].
            List<Operation> back = Autodetector.of(models, before).changes();
            assertThat(back).extracting(Operation::factory).containsExactly("removeConstraint", "alterUniqueTogether");
            assertThat(back.get(1).arguments()).containsExactly("Gadget", List.of());
            // Django: detect_new_model = [CreateModel, AddConstraint, AlterUniqueTogether].
            List<Operation> initial = Autodetector.of(ProjectState.empty(), models).changes();
            assertThat(initial).extracting(Operation::factory)
                    .containsExactly("createModel", "addConstraint", "alterUniqueTogether");
            assertThat(Migrator.of(quarry, "shop", List.of(C01Gadgets.class, C02Constraints.class)).state())
                    .isEqualTo(models);
        }
    }

    @Test
    void sqlMigrateShowsEachBackendsStatements() {
        try (Quarry quarry = Quarry.builder().url("jdbc:sqlite::memory:").models(Gadget.class).build()) {
            Migrator migrator = migrator(quarry);
            assertThat(migrator.sqlMigrate("shop", "C02Constraints", "postgresql", false)).contains(
                    "CREATE UNIQUE INDEX \"gadget_name_maker_uniq\" ON \"gadget\" (\"name\", \"maker\");",
                    "ALTER TABLE \"gadget\" ADD CONSTRAINT \"gadget_price_nonneg\" CHECK (price >= 0);");
            assertThat(migrator.sqlMigrate("shop", "C02Constraints", "mariadb", true)).contains(
                    "ALTER TABLE `gadget` DROP CONSTRAINT `gadget_price_nonneg`;",
                    "DROP INDEX `gadget_name_maker_uniq` ON `gadget`;");
            // SQLite cannot add a constraint: the table is rebuilt with it, rows copied.
            assertThat(migrator.sqlMigrate("shop", "C02Constraints", "sqlite", false)).contains(
                    "CONSTRAINT \"gadget_price_nonneg\" CHECK (price >= 0))",
                    "INSERT INTO \"new__gadget\" (\"id\", \"name\", \"maker\", \"price\") SELECT");
        }
    }
}
