package dev.quarry.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.ExecutedQuery;
import dev.quarry.spi.FieldType;
import dev.quarry.test.Queries;
import dev.quarry.test.TestDatabases;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A table of 10,000 rows survives AddField with a default, AlterField changing a type, RenameField and
 * RemoveField, applied one migration at a time and unapplied back to the start, on every backend
 * (SQLite rebuilds the table each time, as Django does). Each step runs the statements
 * {@code sqlMigrate} shows, and a fixed number of others: rows are copied by one statement, never one by one.
 */
class RowsSurviveOperationsTest {
    static final int ROWS = 10_000;

    static final class M0001Items extends Migration {
        @Override
        public List<Operation> operations() {
            return List.of(Operation.createModel(ModelState.of("Item", "item", FieldState.autoId(),
                    FieldState.charField("name", 50), FieldState.of("qty", FieldType.INTEGER))));
        }
    }

    static final class M0002AddScore extends Migration {
        @Override
        public List<Class<? extends Migration>> dependencies() {
            return List.of(M0001Items.class);
        }

        @Override
        public List<Operation> operations() {
            return List.of(Operation.addField("Item", FieldState.of("score", FieldType.INTEGER).withDefault(7)));
        }
    }

    static final class M0003QtyBigint extends Migration {
        @Override
        public List<Class<? extends Migration>> dependencies() {
            return List.of(M0002AddScore.class);
        }

        @Override
        public List<Operation> operations() {
            return List.of(Operation.alterField("Item", FieldState.of("qty", FieldType.BIGINT)));
        }
    }

    static final class M0004RenameName extends Migration {
        @Override
        public List<Class<? extends Migration>> dependencies() {
            return List.of(M0003QtyBigint.class);
        }

        @Override
        public List<Operation> operations() {
            return List.of(Operation.renameField("Item", "name", "label"));
        }
    }

    static final class M0005RemoveScore extends Migration {
        @Override
        public List<Class<? extends Migration>> dependencies() {
            return List.of(M0004RenameName.class);
        }

        @Override
        public List<Operation> operations() {
            return List.of(Operation.removeField("Item", "score"));
        }
    }

    private static Migrator migrator(MigrationDb db) {
        return Migrator.of(db.quarry, "rows", List.of(M0001Items.class, M0002AddScore.class, M0003QtyBigint.class,
                M0004RenameName.class, M0005RemoveScore.class));
    }

    /** Migrates to {@code target}, checking that it ran sqlMigrate's statements and only a few besides. */
    private static void step(MigrationDb db, Migrator migrator, String target, String migration, boolean backwards) {
        List<String> expected = Arrays.stream(migrator.sqlMigrate("rows", migration, db.quarry.vendor(), backwards)
                .split("\n")).filter(s -> !s.startsWith("--")).map(s -> s.substring(0, s.length() - 1)).toList();
        List<ExecutedQuery> ran = new Queries(db.quarry).captured(() -> assertThat(migrator.migrate("rows", target))
                .containsExactly("rows." + migration));
        List<String> sql = ran.stream().map(ExecutedQuery::sql).toList();
        List<String> ddl = new ArrayList<>(sql.stream().filter(expected::contains).toList());
        assertThat(ddl).as("the statements sqlMigrate shows, in order").containsExactlyElementsOf(expected);
        // Lock, history read and write, setup and checks: never one statement per row.
        assertThat(sql.size() - ddl.size()).as("statements besides the migration's own: %s", sql).isLessThanOrEqualTo(7);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.quarry.migrations.MigrationDb#backends")
    void tenThousandRowsSurviveEachOperationBothWays(TestDatabases.Target target) {
        try (MigrationDb db = new MigrationDb(target, Item.class)) {
            Migrator migrator = migrator(db);
            assertThat(migrator.migrate("rows", "M0001Items")).containsExactly("rows.M0001Items");
            List<Item> items = new ArrayList<>();
            for (int i = 0; i < ROWS; i++) {
                Item item = new Item();
                item.name = "item-" + i;
                item.qty = i * 3 - 5000;
                items.add(item);
            }
            Item.objects.using(db.quarry).bulkCreate(items, 1000);
            List<List<Object>> original = db.rows("SELECT id, name, qty FROM item ORDER BY id");
            assertThat(original).hasSize(ROWS);

            step(db, migrator, "M0002AddScore", "M0002AddScore", false);
            assertThat(db.rows("SELECT id, name, qty FROM item ORDER BY id")).isEqualTo(original);
            assertThat(db.number("SELECT count(*) FROM item WHERE score = 7")).isEqualTo(ROWS);

            step(db, migrator, "M0003QtyBigint", "M0003QtyBigint", false);
            assertThat(db.rows("SELECT id, name, qty FROM item ORDER BY id")).isEqualTo(original);
            db.execute("UPDATE item SET qty = 5000000000 WHERE id = -1"); // a bigint literal is accepted

            step(db, migrator, "M0004RenameName", "M0004RenameName", false);
            assertThat(db.columns("item")).containsExactly("id", "label", "qty", "score");
            assertThat(db.rows("SELECT id, label, qty FROM item ORDER BY id")).isEqualTo(original);

            step(db, migrator, "M0005RemoveScore", "M0005RemoveScore", false);
            assertThat(db.columns("item")).containsExactly("id", "label", "qty");
            assertThat(db.rows("SELECT id, label, qty FROM item ORDER BY id")).isEqualTo(original);

            step(db, migrator, "M0004RenameName", "M0005RemoveScore", true);
            assertThat(db.number("SELECT count(*) FROM item WHERE score = 7")).isEqualTo(ROWS);
            step(db, migrator, "M0003QtyBigint", "M0004RenameName", true);
            assertThat(db.rows("SELECT id, name, qty FROM item ORDER BY id")).isEqualTo(original);
            step(db, migrator, "M0002AddScore", "M0003QtyBigint", true);
            assertThat(db.rows("SELECT id, name, qty FROM item ORDER BY id")).isEqualTo(original);
            step(db, migrator, "M0001Items", "M0002AddScore", true);
            assertThat(db.columns("item")).containsExactly("id", "name", "qty");
            assertThat(db.rows("SELECT id, name, qty FROM item ORDER BY id")).isEqualTo(original);

            // The models work on the migrated table: one query, the rows as they were.
            Queries queries = new Queries(db.quarry);
            assertThat(queries.assertNumQueries(1, () -> Item.objects.using(db.quarry).filter("qty__lt", -4990).count()))
                    .isEqualTo(4L);
        }
    }
}
