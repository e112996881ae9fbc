package dev.quarry.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.Quarry;
import dev.quarry.spi.FieldType;
import dev.quarry.test.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Squashing (Django's {@code squashmigrations}) and {@code replaces}: the operations of S01..S04 shorten to
 * one CreateModel (Django 3.2's optimiser gives the same: django_migration_ops.py,
 * optimized_create_add_add_remove); on every backend a fresh database applies the squashed migration and
 * records it with the ones it replaces, a database where only some are applied goes on with them, one where
 * all are counts the squashed one as applied, and the replaced classes can then be left out. Django 3.2 on a
 * project with the same shape (django_migrate_databases.py): partly_applied_nodes are the replaced ones,
 * all_applied_nodes the squashed one, which counts as applied, and fresh_history records all four.
 */
class SquashTest {
    abstract static class Step extends Migration {
        private final List<Class<? extends Migration>> after;
        private final List<Operation> ops;

        Step(List<Class<? extends Migration>> after, Operation... ops) {
            this.after = after;
            this.ops = List.of(ops);
        }

        @Override
        public List<Class<? extends Migration>> dependencies() {
            return after;
        }

        @Override
        public List<Operation> operations() {
            return ops;
        }
    }

    static final class S01Shelves extends Step {
        S01Shelves() {
            super(List.of(), Operation.createModel(ModelState.of("Shelf", "shelf", FieldState.autoId())));
        }
    }

    static final class S02Label extends Step {
        S02Label() {
            super(List.of(S01Shelves.class), Operation.addField("Shelf", FieldState.charField("label", 30).withDefault("")));
        }
    }

    static final class S03Size extends Step {
        S03Size() {
            super(List.of(S02Label.class), Operation.addField("Shelf", FieldState.of("size", FieldType.INTEGER).withDefault(0)));
        }
    }

    static final class S04NoSize extends Step {
        S04NoSize() {
            super(List.of(S03Size.class), Operation.removeField("Shelf", "size"));
        }
    }

    static final class S05Box extends Step {
        S05Box() {
            super(List.of(S04NoSize.class), Operation.createModel(ModelState.of("Box", "box", FieldState.autoId(),
                    FieldState.foreignKey("shelf", "Shelf"))));
        }
    }

    /** What squash("shop", "S01Shelves", "S04NoSize") gives, as the writer would write it. */
    static final class S0104Squashed extends Step {
        S0104Squashed() {
            super(List.of(), Operation.createModel(ModelState.of("Shelf", "shelf", FieldState.autoId(),
                    FieldState.charField("label", 30).withDefault(""))));
        }

        @Override
        public List<String> replaces() {
            return List.of("S01Shelves", "S02Label", "S03Size", "S04NoSize");
        }
    }

    private static final List<Class<? extends Migration>> OLD = List.of(S01Shelves.class, S02Label.class, S03Size.class,
            S04NoSize.class, S05Box.class);

    private static List<Class<? extends Migration>> withSquashed(List<Class<? extends Migration>> classes) {
        List<Class<? extends Migration>> out = new ArrayList<>(classes);
        out.add(S0104Squashed.class);
        return out;
    }

    private static List<String> history(MigrationDb db) {
        return db.rows("SELECT name FROM quarry_migrations WHERE applied IS NOT NULL ORDER BY name").stream()
                .map(r -> (String) r.get(0)).toList();
    }

    @Test
    void squashingShortensTheOperationsAsDjangosOptimiserDoes() {
        try (Quarry quarry = Quarry.builder().url("jdbc:sqlite::memory:").models(Shelf.class).build()) {
            Squash squash = Migrator.of(quarry, "shop", OLD).squash("shop", "S01Shelves", "S04NoSize");
            assertThat(squash.replaces()).containsExactly("S01Shelves", "S02Label", "S03Size", "S04NoSize");
            assertThat(squash.dependencies()).isEmpty();
            assertThat(squash.operations()).containsExactlyElementsOf(new S0104Squashed().operations().stream()
                    .map(op -> squash.operations().get(0)).toList());
            assertThat(squash.operations().get(0).arguments()).isEqualTo(new S0104Squashed().operations().get(0).arguments());
            // A later run keeps its dependency on the earlier migration outside it.
            Squash tail = Migrator.of(quarry, "shop", OLD).squash("shop", "S03Size", "S05Box");
            assertThat(tail.dependencies()).containsExactly(S02Label.class.getCanonicalName());
            assertThat(tail.operations()).extracting(Operation::describe).containsExactly("Create model Box");
            // Replaying the squashed operations gives the state of the replaced ones.
            assertThat(Migrator.of(quarry, "shop", List.of(S0104Squashed.class)).state())
                    .isEqualTo(Migrator.of(quarry, "shop", OLD.subList(0, 4)).state());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.quarry.migrations.MigrationDb#backends")
    void aFreshDatabaseAppliesTheSquashedMigrationAndRecordsTheReplacedOnes(TestDatabases.Target target) {
        try (MigrationDb db = new MigrationDb(target, Shelf.class)) {
            Migrator migrator = Migrator.of(db.quarry, "shop", withSquashed(OLD));
            assertThat(migrator.migrate()).containsExactly("shop.S0104Squashed", "shop.S05Box");
            assertThat(db.columns("shelf")).containsExactly("id", "label");
            assertThat(history(db)).containsExactlyInAnyOrder("S01Shelves", "S02Label", "S03Size", "S04NoSize",
                    "S0104Squashed", "S05Box");
            assertThat(migrator.showMigrations()).extracting(MigrationStatus::name).containsExactly("S0104Squashed", "S05Box");
            // Unapplying the squashed migration forgets the replaced ones too.
            assertThat(migrator.migrate("shop", Migrator.ZERO)).containsExactly("shop.S05Box", "shop.S0104Squashed");
            assertThat(history(db)).isEmpty();
            assertThat(db.hasTable("shelf")).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.quarry.migrations.MigrationDb#backends")
    void aPartlyMigratedDatabaseGoesOnWithTheReplacedOnesThenCountsTheSquashedAsApplied(TestDatabases.Target target) {
        try (MigrationDb db = new MigrationDb(target, Shelf.class)) {
            Migrator.of(db.quarry, "shop", OLD).migrate("shop", "S02Label");
            db.execute("INSERT INTO shelf (label) VALUES ('oak')");

            Migrator both = Migrator.of(db.quarry, "shop", withSquashed(OLD));
            assertThat(both.showMigrations()).extracting(MigrationStatus::name)
                    .containsExactly("S01Shelves", "S02Label", "S03Size", "S04NoSize", "S05Box");
            // The squashed migration as a target means the last one it replaces while they are used.
            assertThat(both.migrate("shop", "S0104Squashed")).containsExactly("shop.S03Size", "shop.S04NoSize");
            assertThat(both.migrate("shop")).containsExactly("shop.S05Box");
            assertThat(both.showMigrations()).extracting(MigrationStatus::name, s -> s.applied() != null)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("S0104Squashed", true),
                            org.assertj.core.groups.Tuple.tuple("S05Box", true));

            // The replaced classes deleted: S05Box's dependency on S04NoSize now means the squashed migration.
            Migrator squashedOnly = Migrator.of(db.quarry, "shop", List.of(S0104Squashed.class, S05Box.class));
            assertThat(squashedOnly.migrate()).isEmpty();
            assertThat(db.rows("SELECT label FROM shelf")).containsExactly(List.of("oak"));
            assertThat(squashedOnly.migrate("shop", Migrator.ZERO)).containsExactly("shop.S05Box", "shop.S0104Squashed");
            assertThat(history(db)).isEmpty();
        }
    }
}
