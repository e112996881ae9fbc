package dev.quarry.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.Quarry;
import dev.quarry.spi.Feature;
import dev.quarry.spi.FieldType;
import dev.quarry.test.Queries;
import dev.quarry.test.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Migrator on every backend: migrating to a target and back, the {@code quarry_migrations} history,
 * {@code showMigrations}, {@code withFake}, irreversible migrations refused before anything runs, an
 * inconsistent history refused, a failed run rolled back (transactional DDL) or stopped with its progress
 * recorded and resumed (MariaDB), and two Migrators at once applying each migration once.
 */
class MigratorTest {
    static final AtomicInteger JAVA_RUNS = new AtomicInteger();
    static volatile boolean failOnce;

    static final class M0001Shelves extends Migration {
        @Override
        public List<Operation> operations() {
            return List.of(Operation.createModel(ModelState.of("Shelf", "shelf", FieldState.autoId(),
                    FieldState.charField("label", 30))));
        }
    }

    static final class M0002Size extends Migration {
        @Override
        public List<Class<? extends Migration>> dependencies() {
            return List.of(M0001Shelves.class);
        }

        @Override
        public List<Operation> operations() {
            return List.of(Operation.addField("Shelf", FieldState.of("size", FieldType.INTEGER).withDefault(3)),
                    Operation.runJava(q -> {
                        JAVA_RUNS.incrementAndGet();
                        if (failOnce) {
                            failOnce = false;
                            throw new IllegalStateException("the data step failed");
                        }
                    }, q -> JAVA_RUNS.decrementAndGet()),
                    Operation.addField("Shelf", FieldState.of("depth", FieldType.INTEGER).withNullable(true)));
        }
    }

    static final class M0003Irreversible extends Migration {
        @Override
        public List<Class<? extends Migration>> dependencies() {
            return List.of(M0002Size.class);
        }

        @Override
        public List<Operation> operations() {
            return List.of(Operation.runSql("UPDATE shelf SET size = size + 1"));
        }
    }

    private static Migrator migrator(Quarry quarry) {
        return Migrator.of(quarry, "shop", List.of(M0001Shelves.class, M0002Size.class, M0003Irreversible.class));
    }

    private static List<String> history(MigrationDb db) {
        return db.rows("SELECT app, name FROM quarry_migrations WHERE applied IS NOT NULL ORDER BY id").stream()
                .map(r -> r.get(0) + "." + r.get(1)).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.quarry.migrations.MigrationDb#backends")
    void migratesToTargetsAndBackRecordingEachInTheHistory(TestDatabases.Target target) {
        JAVA_RUNS.set(0);
        try (MigrationDb db = new MigrationDb(target, Shelf.class)) {
            Migrator migrator = migrator(db.quarry);
            assertThat(migrator.showMigrations()).extracting(MigrationStatus::toString)
                    .containsExactly("[ ] shop.M0001Shelves", "[ ] shop.M0002Size", "[ ] shop.M0003Irreversible");
            assertThat(migrator.migrate("shop", "M0001Shelves")).containsExactly("shop.M0001Shelves");
            assertThat(history(db)).containsExactly("shop.M0001Shelves");
            Shelf.objects.using(db.quarry).create(s -> s.label = "oak");

            assertThat(migrator.migrate()).containsExactly("shop.M0002Size", "shop.M0003Irreversible");
            assertThat(JAVA_RUNS).hasValue(1);
            assertThat(history(db)).containsExactly("shop.M0001Shelves", "shop.M0002Size", "shop.M0003Irreversible");
            assertThat(db.rows("SELECT label, size, depth FROM shelf")).containsExactly(java.util.Arrays.<Object>asList(
                    "oak", 4L, null));
            assertThat(migrator.showMigrations()).allMatch(MigrationStatus::isApplied);
            // Nothing pending: one read of the history, and the lock and setup statements around it.
            List<dev.quarry.ExecutedQuery> idle = new Queries(db.quarry).captured(() -> assertThat(migrator.migrate()).isEmpty());
            assertThat(idle).filteredOn(q -> q.sql().contains(" FROM ") && q.sql().contains("quarry_migrations")).hasSize(1);
            assertThat(idle).noneMatch(q -> q.sql().matches("(?s)(INSERT|DELETE|UPDATE|ALTER|CREATE|DROP).*"));
            assertThat(idle.size()).as("%s", idle).isLessThanOrEqualTo(4);

            assertThatThrownBy(() -> migrator.migrate("shop", "M0001Shelves")).isInstanceOf(IrreversibleError.class)
                    .hasMessageContaining("shop.M0003Irreversible cannot be unapplied: operation 1 (Raw SQL operation)");
            assertThat(history(db)).hasSize(3);
            assertThat(db.columns("shelf")).containsExactly("id", "label", "size", "depth");

            // Back past the irreversible one by faking it, then really down to the first.
            assertThat(migrator.withFake(true).migrate("shop", "M0002Size")).containsExactly("shop.M0003Irreversible");
            assertThat(migrator.migrate("shop", "M0001Shelves")).containsExactly("shop.M0002Size");
            assertThat(JAVA_RUNS).hasValue(0);
            assertThat(db.columns("shelf")).containsExactly("id", "label");
            assertThat(db.rows("SELECT label FROM shelf")).containsExactly(List.of("oak"));
            assertThat(migrator.migrate("shop", Migrator.ZERO)).containsExactly("shop.M0001Shelves");
            assertThat(db.hasTable("shelf")).isFalse();
            assertThat(history(db)).isEmpty();
            assertThatThrownBy(() -> migrator.migrate("shop", "M0009")).isInstanceOf(MigrationError.class)
                    .hasMessageContaining("App shop has no migration named 'M0009'")
                    .hasMessageContaining("[M0001Shelves, M0002Size, M0003Irreversible]");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.quarry.migrations.MigrationDb#backends")
    void fakeRecordsWithoutRunningAndAnInconsistentHistoryIsRefused(TestDatabases.Target target) {
        try (MigrationDb db = new MigrationDb(target, Shelf.class)) {
            Migrator migrator = migrator(db.quarry);
            assertThat(migrator.withFake(true).migrate("shop", "M0001Shelves")).containsExactly("shop.M0001Shelves");
            assertThat(db.hasTable("shelf")).isFalse();
            assertThat(history(db)).containsExactly("shop.M0001Shelves");
            db.execute("DELETE FROM quarry_migrations",
                    "INSERT INTO quarry_migrations (app, name, applied) VALUES ('shop', 'M0002Size', '2026-01-01 00:00:00')");
            assertThatThrownBy(migrator::migrate).isInstanceOf(MigrationError.class).hasMessageContaining(
                    "Inconsistent migration history: shop.M0002Size is applied before its dependency shop.M0001Shelves");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.quarry.migrations.MigrationDb#backends")
    void aFailedRunIsRolledBackOrStopsWhereItCanResume(TestDatabases.Target target) {
        try (MigrationDb db = new MigrationDb(target, Shelf.class)) {
            Migrator migrator = migrator(db.quarry);
            migrator.migrate("shop", "M0001Shelves");
            failOnce = true;
            boolean transactional = db.db().backend().features().has(Feature.TRANSACTIONAL_DDL);
            if (transactional) {
                assertThatThrownBy(() -> migrator.migrate("shop", "M0002Size")).isInstanceOf(MigrationError.class)
                        .hasMessageContaining("Applying migration shop.M0002Size failed at operation 2 of 3 (Raw Java "
                                + "operation): the data step failed")
                        .hasMessageContaining("rolled back");
                assertThat(db.columns("shelf")).containsExactly("id", "label");
                assertThat(migrator.showMigrations().get(1).toString()).isEqualTo("[ ] shop.M0002Size");
            } else {
                assertThatThrownBy(() -> migrator.migrate("shop", "M0002Size")).isInstanceOf(MigrationError.class)
                        .hasMessageContaining("Applying migration shop.M0002Size stopped at operation 2 of 3 (Raw Java "
                                + "operation): the data step failed")
                        .hasMessageContaining("1 of M0002Size's operations are applied, recorded in quarry_migrations "
                                + "(progress = 1)")
                        .hasMessageContaining("run migrate again to resume at operation 2");
                assertThat(db.columns("shelf")).containsExactly("id", "label", "size");
                assertThat(migrator.showMigrations().get(1).toString())
                        .isEqualTo("[~] shop.M0002Size (1 operations applied)");
            }
            // Running again finishes the migration (on MariaDB without adding size twice).
            assertThat(migrator.migrate("shop", "M0002Size")).containsExactly("shop.M0002Size");
            assertThat(db.columns("shelf")).containsExactly("id", "label", "size", "depth");
            assertThat(history(db)).containsExactly("shop.M0001Shelves", "shop.M0002Size");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.quarry.migrations.MigrationDb#backends")
    void twoMigratorsAtOnceApplyEachMigrationOnce(TestDatabases.Target target) throws Exception {
        JAVA_RUNS.set(0);
        try (MigrationDb db = new MigrationDb(target, Shelf.class); Quarry second = db.open(Shelf.class)) {
            List<Migrator> migrators = List.of(slow(db.quarry), slow(second));
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<List<String>>> done = new ArrayList<>();
                for (Migrator m : migrators) {
                    done.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        return m.migrate();
                    }));
                }
                List<List<String>> results = new ArrayList<>();
                for (Future<List<String>> f : done) {
                    results.add(f.get(2, TimeUnit.MINUTES));
                }
                // One applied everything; the other waited for the lock and found nothing left to do.
                assertThat(results).containsExactlyInAnyOrder(List.of("shop.M0001Shelves", "shop.SlowData"), List.of());
            } finally {
                pool.shutdownNow();
            }
            assertThat(SLOW_RUNS).hasValue(1);
            assertThat(history(db)).containsExactly("shop.M0001Shelves", "shop.SlowData");
        }
    }

    static final AtomicInteger SLOW_RUNS = new AtomicInteger();

    static final class SlowData extends Migration {
        @Override
        public List<Class<? extends Migration>> dependencies() {
            return List.of(M0001Shelves.class);
        }

        @Override
        public List<Operation> operations() {
            return List.of(Operation.runJava(q -> {
                SLOW_RUNS.incrementAndGet();
                try {
                    Thread.sleep(700);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                Shelf.objects.using(q).create(s -> s.label = "made once");
            }));
        }
    }

    private static Migrator slow(Quarry quarry) {
        SLOW_RUNS.set(0);
        return Migrator.of(quarry, "shop", List.of(M0001Shelves.class, SlowData.class));
    }

    @Test
    void sqlMigrateShowsEachBackendsStatementsAndRunsNothing() {
        try (Quarry quarry = Quarry.builder().url("jdbc:sqlite::memory:").models(Shelf.class).build()) {
            Migrator migrator = migrator(quarry);
            Queries queries = new Queries(quarry);
            String pg = queries.assertNumQueries(0, () -> migrator.sqlMigrate("shop", "M0002Size", "postgresql", false));
            assertThat(pg).isEqualTo("""
                    -- Add field size to Shelf
                    ALTER TABLE "shelf" ADD COLUMN "size" integer NOT NULL DEFAULT 3;
                    -- Raw Java operation
                    -- Raw Java operation: Java code, not SQL
                    -- Add field depth to Shelf
                    ALTER TABLE "shelf" ADD COLUMN "depth" integer NULL;
                    """);
            assertThat(migrator.sqlMigrate("shop", "M0002Size", "mariadb", true)).isEqualTo("""
                    -- Add field depth to Shelf
                    ALTER TABLE `shelf` DROP COLUMN `depth`;
                    -- Raw Java operation
                    -- Raw Java operation: Java code, not SQL
                    -- Add field size to Shelf
                    ALTER TABLE `shelf` DROP COLUMN `size`;
                    """);
            // SQLite adds a nullable column in place and rebuilds the table for a NOT NULL one, as Django does.
            assertThat(migrator.sqlMigrate("shop", "M0002Size").lines().toList()).containsExactly(
                    "-- Add field size to Shelf",
                    "CREATE TABLE \"new__shelf\" (\"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT, \"label\" varchar(30) "
                            + "NOT NULL, \"size\" integer NOT NULL DEFAULT 3);",
                    "INSERT INTO \"new__shelf\" (\"id\", \"label\") SELECT \"id\", \"label\" FROM \"shelf\";",
                    "DROP TABLE \"shelf\";",
                    "ALTER TABLE \"new__shelf\" RENAME TO \"shelf\";",
                    "-- Raw Java operation",
                    "-- Raw Java operation: Java code, not SQL",
                    "-- Add field depth to Shelf",
                    "ALTER TABLE \"shelf\" ADD COLUMN \"depth\" integer NULL;");
            assertThatThrownBy(() -> migrator.sqlMigrate("shop", "M0003Irreversible", "sqlite", true))
                    .isInstanceOf(IrreversibleError.class);
        }
    }
}
