package dev.quarry.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.test.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code Migrator.withProgress}: told as each migration starts and after each of its operations, forwards
 * and backwards, in one transaction (PostgreSQL, SQLite) or operation by operation (MariaDB) alike; a faked
 * migration is reported started and done.
 */
class MigrationProgressTest {
    static final class M0001Shelves extends Migration {
        @Override
        public List<Operation> operations() {
            return List.of(Operation.createModel(ModelState.of("Shelf", "shelf", FieldState.autoId(),
                    FieldState.charField("label", 30))));
        }
    }

    static final class M0002Sizes extends Migration {
        @Override
        public List<Class<? extends Migration>> dependencies() {
            return List.of(M0001Shelves.class);
        }

        @Override
        public List<Operation> operations() {
            return List.of(Operation.addField("Shelf", FieldState.of("size", dev.quarry.spi.FieldType.INTEGER).withDefault(3)),
                    Operation.addField("Shelf", FieldState.of("depth", dev.quarry.spi.FieldType.INTEGER).withNullable(true)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.quarry.migrations.MigrationDb#backends")
    void progressIsReportedPerMigrationAndOperation(TestDatabases.Target target) {
        try (MigrationDb db = new MigrationDb(target, Shelf.class)) {
            List<String> events = new ArrayList<>();
            Migrator migrator = Migrator.of(db.quarry, "shop", List.of(M0001Shelves.class, M0002Sizes.class))
                    .withProgress((m, back, done, total) -> events.add((back ? "-" : "+") + m + " " + done + "/" + total));
            assertThat(migrator.migrate()).containsExactly("shop.M0001Shelves", "shop.M0002Sizes");
            assertThat(events).containsExactly("+shop.M0001Shelves 0/1", "+shop.M0001Shelves 1/1",
                    "+shop.M0002Sizes 0/2", "+shop.M0002Sizes 1/2", "+shop.M0002Sizes 2/2");

            events.clear();
            migrator.migrate("shop", "M0001Shelves");
            assertThat(events).containsExactly("-shop.M0002Sizes 0/2", "-shop.M0002Sizes 1/2", "-shop.M0002Sizes 2/2");
            assertThat(db.columns("shelf")).containsExactly("id", "label");

            events.clear();
            migrator.withFake(true).migrate();
            assertThat(events).containsExactly("+shop.M0002Sizes 0/2", "+shop.M0002Sizes 2/2");
        }
    }
}
