package dev.quarry.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.test.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The export of versioned SQL files for Flyway on every backend: one {@code V<n>__<app>_<Name>.sql} per
 * migration in dependency order, holding the SQL sqlMigrate shows for that backend; run in order on an
 * empty database (as Flyway would), they build the schema the Migrator builds.
 */
class FlywayExportTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.quarry.migrations.MigrationDb#backends")
    void theScriptsRunInOrderBuildTheMigratorsSchema(TestDatabases.Target target) throws Exception {
        try (MigrationDb db = new MigrationDb(target, Gadget.class)) {
            Migrator migrator = Migrator.of(db.quarry, "shop", List.of(ConstraintsTest.C02Constraints.class,
                    ConstraintsTest.C01Gadgets.class));
            List<Path> files = migrator.writeFlywayScripts(dir, target.vendor());
            assertThat(files).extracting(p -> p.getFileName().toString())
                    .containsExactly("V1__shop_C01Gadgets.sql", "V2__shop_C02Constraints.sql");
            assertThat(Files.readString(files.get(1)))
                    .isEqualTo(migrator.sqlMigrate("shop", "C02Constraints", target.vendor(), false));

            for (Path file : files) {
                String[] statements = Files.readString(file).split(";\n");
                db.execute(Arrays.stream(statements).map(s -> s.replaceAll("(?m)^-- .*\n?", "").trim())
                        .filter(s -> !s.isEmpty()).toArray(String[]::new));
            }
            assertThat(db.columns("gadget")).containsExactly("id", "name", "maker", "price");
            assertThat(db.hasTable("quarry_migrations")).isFalse();
            db.execute("INSERT INTO gadget (name, maker, price) VALUES ('lamp', 'acme', 1)");
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> db.execute("INSERT INTO gadget (name, maker, price) VALUES ('desk', 'acme', -1)"))
                    .isInstanceOf(dev.quarry.IntegrityError.class);
        }
    }
}
