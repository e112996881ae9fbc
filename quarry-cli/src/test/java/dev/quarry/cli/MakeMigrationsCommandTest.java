package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.cli.shop.migrations.M0001Initial;
import dev.quarry.cli.shop.migrations.M0002Stock;
import dev.quarry.migrations.Migration;
import dev.quarry.test.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code quarry makemigrations} through the command line: {@code --check} for CI, renames and one-off defaults
 * from options or answered at the terminal, {@code --empty}, {@code --dry-run}; and on every backend the loop a
 * developer runs: change a model, makemigrations, compile, migrate, check again.
 */
class MakeMigrationsCommandTest {
    private static final List<String> SHOP = List.of("quarry.models = dev.quarry.cli.shop",
            "quarry.migrations.package = dev.quarry.cli.shop.migrations", "quarry.app = shop");
    private static final List<String> SHOP_V2 = List.of("quarry.models = dev.quarry.cli.shopv2",
            "quarry.migrations.package = dev.quarry.cli.shop.migrations", "quarry.app = shop");

    @TempDir
    Path folder;

    private String settings(List<String> lines) {
        return Cli.settingsFile(folder, lines.toArray(String[]::new)).toString();
    }

    private Path written(String name) {
        return folder.resolve("src/main/java/dev/quarry/cli/shop/migrations/" + name + ".java");
    }

    @Test
    void checkPassesWhenTheMigrationsDescribeTheModels() {
        Cli.Result r = Cli.run("--settings", settings(SHOP), "makemigrations", "--check");
        assertThat(r.exit()).as("%s", r).isZero();
        assertThat(r.out()).isEqualTo("No changes detected in app 'shop'.\n");
    }

    @Test
    void checkFailsWhenTheModelsChangedWithoutAMigrationAndWritesNothing() {
        Cli.Result r = Cli.run("--settings", settings(SHOP_V2), "makemigrations", "--check", "--no-input");
        assertThat(r.exit()).as("%s", r).isEqualTo(ExitCodes.CHECK_FAILED);
        // Without a rename hint, label -> name is a removal and an addition (Django's default without an answer);
        // each new NOT NULL field is added with a one-off value, then altered to drop it.
        assertThat(r.out()).isEqualTo("Models of app 'shop' changed without a migration:\n"
                + "  - Remove field label from Shelf\n  - Add field name to Shelf\n  - Alter field name on Shelf\n"
                + "  - Add field depth to Shelf\n  - Alter field depth on Shelf\n"
                + "Run quarry makemigrations to write it, then review and commit it.\n");
        assertThat(folder.resolve("src")).doesNotExist();
    }

    @Test
    void withoutATerminalANewNotNullFieldNeedsItsValueAsAnOption() {
        Cli.Result r = Cli.run("--settings", settings(SHOP_V2), "makemigrations", "--rename-field", "Shelf.label=name");
        assertThat(r.exit()).as("%s", r).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("Shelf.depth is a new NOT NULL field without a default, so the rows already in shelf "
                + "need a value: give it with --default Shelf.depth=VALUE");
        assertThat(folder.resolve("src")).doesNotExist();

        Cli.Result bad = Cli.run("--settings", settings(SHOP_V2), "makemigrations", "--rename-field", "Shelf.label=name",
                "--default", "Shelf.depth=deep");
        assertThat(bad.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("'deep' is not a value for Shelf.depth (INTEGER)");
    }

    @Test
    void renamesAndOneOffValuesAreAskedAtTheTerminal() {
        Cli.Result r = Cli.runWith(null, "y\n7\n", "--settings", settings(SHOP_V2), "makemigrations", "--dry-run");
        assertThat(r.exit()).as("%s", r).isZero();
        assertThat(r.out()).contains("Was Shelf.label renamed to Shelf.name (a CHAR field)? [y/N] ")
                .contains("Type a one-off value for them (INTEGER)")
                .contains("    - Rename field label on Shelf to name\n    - Add field depth to Shelf\n")
                .contains("Dry run: nothing written.")
                .contains("Operation.renameField(\"Shelf\", \"label\", \"name\")")
                .contains("Operation.addField(\"Shelf\", FieldState.of(\"depth\", FieldType.INTEGER).withDefault(7))")
                .contains("public final class M0003Auto");
        assertThat(folder.resolve("src")).doesNotExist();

        Cli.Result no = Cli.runWith(null, "n\n\n", "--settings", settings(SHOP_V2), "makemigrations");
        assertThat(no.exit()).isEqualTo(ExitCodes.USAGE);
        // Not a rename: the new NOT NULL name needs a value for the existing rows first.
        assertThat(no.out()).contains("Was Shelf.label renamed to Shelf.name (a CHAR field)? [y/N] ");
        assertThat(no.err()).contains("Stopped: declare a defaultValue (or nullable = true) on Shelf.name");
    }

    @Test
    void aModelWithTheFieldsOfOneThatDisappearedIsAskedAboutAsARename() {
        List<String> v3 = List.of("quarry.models = dev.quarry.cli.shopv3",
                "quarry.migrations.package = dev.quarry.cli.shop.migrations", "quarry.app = shop");
        Cli.Result asked = Cli.runWith(null, "y\n", "--settings", settings(v3), "makemigrations", "--dry-run");
        assertThat(asked.exit()).as("%s", asked).isZero();
        assertThat(asked.out()).contains("Was the model Bin renamed to Box? [y/N] ")
                .contains("    - Rename model Bin to Box\n").doesNotContain("Delete model");
        assertThat(asked.out()).contains("public final class M0003RenameBinBox");

        Cli.Result flag = Cli.run("--settings", settings(v3), "makemigrations", "--dry-run", "--rename-model", "Bin=Box");
        assertThat(flag.out()).contains("    - Rename model Bin to Box\n");

        // Without an answer: a new model and a deleted one (the rows of bin would be lost), as Django does.
        Cli.Result none = Cli.run("--settings", settings(v3), "makemigrations", "--dry-run");
        assertThat(none.out()).contains("    - Create model Box\n").contains("    - Delete model Bin\n");
    }

    @Test
    void emptyWritesAMigrationWithoutOperationsAndTheNextWaitsUntilItIsCompiled() throws IOException {
        String s = settings(SHOP);
        Cli.Result r = Cli.run("--settings", s, "makemigrations", "--empty", "--name", "fill_slugs");
        assertThat(r.exit()).as("%s", r).isZero();
        assertThat(r.out()).contains("(no operations: add runJava or runSql steps to it)");
        assertThat(Files.readString(written("M0003FillSlugs"))).contains("public final class M0003FillSlugs extends Migration")
                .contains("return List.of(M0002Stock.class);").contains("return List.of();");

        Cli.Result again = Cli.run("--settings", s, "makemigrations", "--empty");
        assertThat(again.exit()).isEqualTo(ExitCodes.CONFIG);
        assertThat(again.err()).contains("[M0003FillSlugs] in ").contains("is not on the class path: compile the application");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.quarry.cli.Cli#backends")
    void aChangedModelGoesThroughMakemigrationsCompileAndMigrate(TestDatabases.Target target) throws Exception {
        TestDatabases.Isolated db = target.create();
        try {
            String v1 = Cli.shopSettings(folder, db, "dev.quarry.cli.shop");
            assertThat(Cli.run("--settings", v1, "migrate").exit()).isZero();
            List<String> lines = new java.util.ArrayList<>(Cli.shop(db, "dev.quarry.cli.shopv2"));
            String v2 = Cli.settingsFile(folder, lines.toArray(String[]::new)).toString();
            assertThat(Cli.run("--settings", v2, "makemigrations", "--check").exit()).isEqualTo(ExitCodes.CHECK_FAILED);

            Cli.Result made = Cli.run("--settings", v2, "makemigrations", "--no-input", "--rename-field", "Shelf.label=name",
                    "--default", "Shelf.depth=7", "--name", "ShelfDepth");
            assertThat(made.exit()).as("%s", made).isZero();
            assertThat(made.out()).isEqualTo("Migrations for 'shop':\n  " + written("M0003ShelfDepth") + "\n"
                    + "    - Rename field label on Shelf to name\n    - Add field depth to Shelf\n    - Alter field depth on Shelf\n");

            Class<? extends Migration> m3 = Cli.compile(folder, written("M0003ShelfDepth"), "dev.quarry.cli.shop.migrations.M0003ShelfDepth");
            Settings settings = Settings.builder().url(db.url(), target.user(), target.password()).app("shop")
                    .models(List.of(dev.quarry.cli.shopv2.Shelf.class, dev.quarry.cli.shopv2.Bin.class))
                    .migrationsPackage("dev.quarry.cli.shop.migrations")
                    .migrations(List.of(M0001Initial.class, M0002Stock.class, m3)).sourceDir(folder.resolve("src/main/java"))
                    .build();
            Cli.Result migrated = Cli.runWith(settings, null, "migrate");
            assertThat(migrated.exit()).as("%s", migrated).isZero();
            assertThat(migrated.out()).containsPattern("Applying shop\\.M0003ShelfDepth \\.\\.\\. OK");
            assertThat(Db.columns(db, "shelf")).containsExactly("id", "name", "size", "depth");
            assertThat(Db.rows(db, "SELECT name, size, depth FROM shelf")).containsExactly("oak|5|7");
            assertThat(Cli.runWith(settings, null, "makemigrations", "--check").out()).isEqualTo("No changes detected in app 'shop'.\n");
        } finally {
            db.drop();
        }
    }

}
