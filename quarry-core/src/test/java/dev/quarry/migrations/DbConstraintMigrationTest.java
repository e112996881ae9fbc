package dev.quarry.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.IntegrityError;
import dev.quarry.test.TestDatabases;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Django's {@code db_constraint}: a migration creates a foreign key without its FOREIGN KEY constraint
 * ({@code FieldState.withDbConstraint(false)}), and an AlterField adds or drops the constraint, on every
 * backend (SQLite by rebuilding the table), keeping the rows; unapplying gives the former state back.
 */
class DbConstraintMigrationTest {
    static final class C01Create extends Migration {
        @Override
        public List<Operation> operations() {
            return List.of(Operation.createModel(ModelState.of("Shop", "shop", FieldState.autoId(),
                            FieldState.charField("name", 30))),
                    Operation.createModel(ModelState.of("Sale", "sale", FieldState.autoId(),
                            FieldState.foreignKey("shop", "Shop").withDbConstraint(false))));
        }
    }

    static final class C02Constrain extends Migration {
        @Override
        public List<Class<? extends Migration>> dependencies() {
            return List.of(C01Create.class);
        }

        @Override
        public List<Operation> operations() {
            return List.of(Operation.alterField("Sale", FieldState.foreignKey("shop", "Shop")));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.quarry.migrations.MigrationDb#backends")
    void theConstraintComesAndGoesWithTheField(TestDatabases.Target target) {
        try (MigrationDb db = new MigrationDb(target, Item.class)) {
            Migrator migrator = Migrator.of(db.quarry, "shops", List.of(C01Create.class, C02Constrain.class));
            assertThat(migrator.migrate("shops", "C01Create")).containsExactly("shops.C01Create");
            db.execute("INSERT INTO shop (id, name) VALUES (1, 'corner')", "INSERT INTO sale (id, shop_id) VALUES (1, 1)",
                    "INSERT INTO sale (id, shop_id) VALUES (2, 99)");   // no constraint: a key without a row is kept
            // The state after every migration of the app: C02 gave the key its constraint.
            assertThat(migrator.state().model("Sale").field("shop").dbConstraint()).isTrue();

            db.execute("DELETE FROM sale WHERE id = 2");
            assertThat(migrator.migrate()).containsExactly("shops.C02Constrain");
            assertThatThrownBy(() -> db.execute("INSERT INTO sale (id, shop_id) VALUES (3, 99)")).isInstanceOf(IntegrityError.class);
            assertThat(db.rows("SELECT id, shop_id FROM sale")).containsExactly(List.of(1L, 1L));

            assertThat(migrator.migrate("shops", "C01Create")).containsExactly("shops.C02Constrain");
            db.execute("INSERT INTO sale (id, shop_id) VALUES (4, 99)");
            assertThat(db.rows("SELECT id, shop_id FROM sale ORDER BY id")).containsExactly(List.of(1L, 1L), List.of(4L, 99L));
        }
    }
}
