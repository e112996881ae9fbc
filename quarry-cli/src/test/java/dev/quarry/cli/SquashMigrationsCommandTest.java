package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.cli.shop.migrations.M0001Initial;
import dev.quarry.cli.shop.migrations.M0002Stock;
import dev.quarry.migrations.Migration;
import dev.quarry.test.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code quarry squashmigrations}: the shop's two migrations squashed into one class in the migrations package, which a
 * new database runs instead of them and a database that applied them takes as applied (Django's squashmigrations).
 */
class SquashMigrationsCommandTest {
    @TempDir
    Path folder;

    private String offline() {
        return Cli.offlineShopSettings(folder);
    }

    private Path written(String name) {
        return folder.resolve("src/main/java/dev/quarry/cli/shop/migrations/" + name + ".java");
    }

    @Test
    void writesOneClassReplacingTheRunAndReadsNoDatabase() throws Exception {
        Cli.Result r = Cli.run("--settings", offline(), "squashmigrations", "shop", "M0001", "M0002");
        assertThat(r.exit()).as("%s", r).isZero();
        assertThat(r.out()).isEqualTo("Squashed 2 migrations of 'shop' (M0001Initial to M0002Stock) into:\n  "
                + written("M0001Squashed0002Stock") + "\nCompile it and run migrate; once every database has applied it, "
                + "delete [M0001Initial, M0002Stock] and its replaces() method.\n");
        assertThat(Files.readString(written("M0001Squashed0002Stock")))
                .contains("public final class M0001Squashed0002Stock extends Migration")
                .contains("Operation.createModel(new ModelState(\"Shelf\"").contains("INSERT INTO shelf")
                .contains("replaces()").contains("\"M0001Initial\"").contains("\"M0002Stock\"");

        // FROM defaults to the app's first migration.
        Files.delete(written("M0001Squashed0002Stock"));
        assertThat(Cli.run("--settings", offline(), "squashmigrations", "shop", "M0002Stock").exit()).isZero();
        assertThat(written("M0001Squashed0002Stock")).exists();
    }

    @Test
    void badArgumentsAreUsageAndSettingsErrors() {
        Cli.Result order = Cli.run("--settings", offline(), "squashmigrations", "shop", "M0002", "M0001");
        assertThat(order.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(order.err()).contains("Cannot squash shop from M0002Stock to M0001Initial: M0002Stock comes after M0001Initial");
        Cli.Result unknown = Cli.run("--settings", offline(), "squashmigrations", "shop", "M0007");
        assertThat(unknown.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("No migration of app 'shop' is named 'M0007'");
        Cli.Result app = Cli.run("--settings", offline(), "squashmigrations", "library", "M0002");
        assertThat(app.exit()).isEqualTo(ExitCodes.CONFIG);
        assertThat(app.err()).contains("Unknown app 'library': the settings' app is 'shop'");
        assertThat(Cli.run("--settings", offline(), "squashmigrations", "shop").exit()).isEqualTo(ExitCodes.USAGE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.quarry.cli.Cli#backends")
    void theSquashedMigrationRunsOnANewDatabaseAndCountsAsAppliedWhereTheOldOnesAre(TestDatabases.Target target)
            throws Exception {
        TestDatabases.Isolated fresh = target.create();
        TestDatabases.Isolated old = target.create();
        try {
            assertThat(Cli.run("--settings", Cli.shopSettings(folder, old, "dev.quarry.cli.shop"), "migrate").exit()).isZero();
            assertThat(Cli.run("--settings", offline(), "squashmigrations", "shop", "M0002").exit()).isZero();
            Class<? extends Migration> squashed = Cli.compile(folder, written("M0001Squashed0002Stock"),
                    "dev.quarry.cli.shop.migrations.M0001Squashed0002Stock");
            List<Class<? extends Migration>> all = List.of(M0001Initial.class, M0002Stock.class, squashed);

            Cli.Result run = Cli.runWith(settings(fresh, target, all), null, "migrate");
            assertThat(run.exit()).as("%s", run).isZero();
            assertThat(run.out()).containsPattern("  Applying shop\\.M0001Squashed0002Stock \\.\\.\\. OK")
                    .doesNotContain("Applying shop.M0001Initial").endsWith("Done: 1 migration applied.\n");
            assertThat(Db.rows(fresh, "SELECT label, size FROM shelf")).containsExactly("oak|5");
            assertThat(Cli.runWith(settings(fresh, target, all), null, "showmigrations").out())
                    .isEqualTo("shop\n [X] M0001Squashed0002Stock\n");

            Cli.Result none = Cli.runWith(settings(old, target, all), null, "migrate");
            assertThat(none.exit()).as("%s", none).isZero();
            assertThat(none.out()).contains("  No migrations to apply.\n");
            assertThat(Db.rows(old, "SELECT COUNT(*) FROM shelf")).containsExactly("1");
        } finally {
            fresh.drop();
            old.drop();
        }
    }

    private Settings settings(TestDatabases.Isolated db, TestDatabases.Target target, List<Class<? extends Migration>> all) {
        return Settings.builder().url(db.url(), target.user(), target.password()).app("shop")
                .models(List.of(dev.quarry.cli.shop.Shelf.class, dev.quarry.cli.shop.Bin.class))
                .migrationsPackage("dev.quarry.cli.shop.migrations").migrations(all).sourceDir(folder.resolve("src/main/java"))
                .build();
    }
}
