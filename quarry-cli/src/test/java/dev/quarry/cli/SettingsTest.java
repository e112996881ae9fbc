package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.cli.shop.Bin;
import dev.quarry.cli.shop.Shelf;
import dev.quarry.cli.shop.migrations.M0001Initial;
import dev.quarry.cli.shop.migrations.M0002Stock;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the command's settings come from: a properties file (packages scanned for models and migrations,
 * {@code -D} overrides, relative paths against the file's folder), an application's {@link SettingsProvider}
 * ({@code --config-class}), and the errors that name the fix; plus the usage help.
 */
class SettingsTest {
    @TempDir
    Path folder;

    /** The settings class an application would write. */
    public static final class ShopSettings implements SettingsProvider {
        @Override
        public Settings settings() {
            return Settings.builder().url("jdbc:sqlite::memory:").models(List.of(Shelf.class, Bin.class))
                    .migrationsPackage("dev.quarry.cli.shop.migrations").app("shop")
                    .migrations(List.of(M0001Initial.class, M0002Stock.class)).build();
        }
    }

    @Test
    void aPropertiesFileNamesPackagesThatAreScannedForModelsAndMigrations() {
        Path file = Cli.settingsFile(folder, "quarry.url = jdbc:sqlite:shop.db", "quarry.user = app",
                "quarry.models = dev.quarry.cli.shop.Shelf, dev.quarry.cli.shop",
                "quarry.migrations.package = dev.quarry.cli.shop.migrations", "quarry.migrations.source-dir = src/java",
                "quarry.databases.archive.url = jdbc:sqlite:archive.db");
        Settings s = PropertiesSettings.read(file, Map.of("quarry.user", "other"), getClass().getClassLoader());
        assertThat(s.models()).containsExactly(Shelf.class, Bin.class, Shelf.class);
        assertThat(s.migrations()).containsExactly(M0001Initial.class, M0002Stock.class);
        assertThat(s.app()).as("the package segment before .migrations").isEqualTo("shop");
        assertThat(s.sourceDir()).isEqualTo(folder.toAbsolutePath().resolve("src/java"));
        assertThat(s.databases().keySet()).containsExactly("default", "archive");
        assertThat(s.database("default")).isEqualTo(new Settings.DatabaseSettings("jdbc:sqlite:shop.db", "other", null));

        Path fromEnv = Cli.settingsFile(folder, "quarry.url = jdbc:sqlite:shop.db", "quarry.password = ${env:PATH}",
                "quarry.models = dev.quarry.cli.shop");
        assertThat(PropertiesSettings.read(fromEnv, Map.of(), getClass().getClassLoader()).database("default").password())
                .isEqualTo(System.getenv("PATH"));
    }

    @Test
    void aConfigClassGivesTheSettingsInCode() {
        Cli.Result r = Cli.run("--config-class", ShopSettings.class.getName(), "showmigrations");
        assertThat(r.exit()).as("%s", r).isZero();
        assertThat(r.out()).isEqualTo("shop\n [ ] M0001Initial\n [ ] M0002Stock\n");

        Cli.Result missing = Cli.run("--config-class", "com.example.Nope", "check");
        assertThat(missing.exit()).isEqualTo(ExitCodes.CONFIG);
        assertThat(missing.err()).contains("--config-class com.example.Nope is not on the class path");
    }

    @Test
    void missingOrWrongSettingsExitWithThreeNamingTheFix() {
        Cli.Result none = Cli.run("--settings", folder.resolve("absent.properties").toString(), "check");
        assertThat(none.exit()).isEqualTo(ExitCodes.CONFIG);
        assertThat(none.err()).contains("absent.properties does not exist");

        Cli.Result typo = Cli.run("--settings", Cli.settingsFile(folder, "quarry.models = dev.quarry.cli.shop",
                "quarry.migration.package = x").toString(), "check");
        assertThat(typo.exit()).isEqualTo(ExitCodes.CONFIG);
        assertThat(typo.err()).contains("Unknown settings [quarry.migration.package]");

        Cli.Result empty = Cli.run("--settings", Cli.settingsFile(folder, "quarry.models = com.example.nothing").toString(),
                "check");
        assertThat(empty.exit()).isEqualTo(ExitCodes.CONFIG);
        assertThat(empty.err()).contains("quarry.models names com.example.nothing, where no model class was found");

        Cli.Result override = Cli.run("--settings", Cli.settingsFile(folder, "quarry.models = com.example.nothing").toString(),
                "-Dquarry.models=dev.quarry.cli.shop", "check");
        assertThat(override.exit()).as("%s", override).isZero();
    }

    @Test
    void usageHelpListsTheCommandsAndExitCodes() {
        Cli.Result top = Cli.run("--help");
        assertThat(top.exit()).isZero();
        assertThat(top.out()).contains("Usage: quarry [-hV] [--traceback] [--config-class=CLASS] [-s=FILE]")
                .contains("makemigrations", "migrate", "sqlmigrate", "showmigrations", "check", "dbshell")
                .contains("Exit codes:").contains("  3   the settings are missing or wrong");
        Cli.Result sub = Cli.run("makemigrations", "--help");
        assertThat(sub.out()).contains("--check", "--empty", "--rename-field=MODEL.OLD=NEW", "--default=MODEL.FIELD=VALUE",
                "--no-input");
        Cli.Result nothing = Cli.run();
        assertThat(nothing.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(nothing.err()).contains("Missing command");
    }
}
