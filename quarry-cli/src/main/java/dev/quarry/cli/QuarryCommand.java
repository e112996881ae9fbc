package dev.quarry.cli;

import dev.quarry.Quarry;
import dev.quarry.migrations.Migrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The top command, {@code quarry}: its options say where the settings come from; the subcommands do
 * the work. Holds what every subcommand shares: the settings, the Quarry it opens, the terminal.
 */
@Command(name = "quarry", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Quarry's management commands: migrations, checks, fixtures, inspectdb, the model graph and the database shell.",
            "Settings come from --config-class, or a properties file (--settings, default ./quarry.properties)."},
        subcommands = {MakeMigrationsCommand.class, MigrateCommand.class, SqlMigrateCommand.class,
            ShowMigrationsCommand.class, SquashMigrationsCommand.class, FlywayScriptsCommand.class, CheckCommand.class,
            DbShellCommand.class, InspectDbCommand.class, DumpDataCommand.class, LoadDataCommand.class, GraphCommand.class},
        synopsisSubcommandLabel = "COMMAND", commandListHeading = "%nCommands:%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:a check failed (makemigrations --check, migrate --check, check)",
            "2:usage error, or a question needs an answer under --no-input",
            "3:the settings are missing or wrong",
            "4:the database or a migration failed",
            "5:dbshell could not start the database client"},
        footer = {"%nExamples:",
            "  quarry --settings app/quarry.properties makemigrations",
            "  quarry makemigrations --check --no-input   # in CI",
            "  quarry migrate                             # every pending one",
            "  quarry migrate library M0001Initial        # back to one",
            "  quarry sqlmigrate M0002 --backend postgresql",
            "%nRun quarry COMMAND --help for a command's options. Reference: docs/commands.md"})
final class QuarryCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = {"-s", "--settings"}, paramLabel = "FILE",
            description = "The properties file with quarry.url, quarry.models, quarry.migrations.package, ... "
                    + "(default: quarry.properties in the working directory).")
    Path settingsFile;

    @Option(names = "--config-class", paramLabel = "CLASS",
            description = "A class of the application implementing dev.quarry.cli.SettingsProvider, used instead of a "
                    + "properties file.")
    String configClass;

    @Option(names = "-D", paramLabel = "KEY=VALUE", mapFallbackValue = "",
            description = "Sets or replaces one setting of the properties file, e.g. -Dquarry.url=jdbc:sqlite:dev.db.")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--traceback", description = "Prints the stack trace of an error.")
    boolean traceback;

    private final Terminal terminal;
    private final Settings given;
    private final ClassLoader loader;
    private Settings settings;

    QuarryCommand(Terminal terminal, Settings given, ClassLoader loader) {
        this.terminal = terminal;
        this.given = given;
        this.loader = loader;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: give one of " + spec.subcommands().keySet());
    }

    Terminal terminal() {
        return terminal;
    }

    /** The settings: given in code, from --config-class, or from the properties file; read once. */
    Settings settings() {
        if (settings == null) {
            settings = resolve();
        }
        return settings;
    }

    private Settings resolve() {
        if (given != null) {
            return given;
        }
        if (configClass != null) {
            try {
                Class<?> c = Class.forName(configClass, true, loader);
                if (!SettingsProvider.class.isAssignableFrom(c)) {
                    throw new SettingsError(configClass + " does not implement " + SettingsProvider.class.getName());
                }
                return ((SettingsProvider) c.getDeclaredConstructor().newInstance()).settings();
            } catch (ClassNotFoundException e) {
                throw new SettingsError("--config-class " + configClass + " is not on the class path; give the full "
                        + "name of a class implementing " + SettingsProvider.class.getName());
            } catch (ReflectiveOperationException e) {
                throw new SettingsError("Cannot make a " + configClass + " with its public no-argument constructor: " + e);
            }
        }
        Path file = settingsFile != null ? settingsFile : Path.of("quarry.properties");
        if (settingsFile == null && !Files.isRegularFile(file)) {
            throw new SettingsError("No settings: give --settings FILE or --config-class CLASS, or create quarry.properties "
                    + "in the working directory (" + file.toAbsolutePath().getParent() + "); docs/commands.md lists its keys");
        }
        return PropertiesSettings.read(file, overrides, loader);
    }

    /** A Quarry of the settings' models on the database named {@code database}; the caller closes it. */
    Quarry quarry(String database) {
        Settings s = settings();
        Settings.DatabaseSettings d = s.database(database);
        if (s.models().isEmpty()) {
            throw new SettingsError("The settings name no models (quarry.models, or Settings.Builder.models)");
        }
        return Quarry.builder().url(d.url()).user(d.user()).password(d.password()).models(s.models()).build();
    }

    /**
     * A Quarry of the settings' models on every database of the settings ({@code "default"} first), for the
     * commands whose library API takes a database name ({@code Migrator.withDatabase}, the fixtures' options);
     * {@code database} must be one of them. The caller closes it.
     */
    Quarry quarryOfAll(String database) {
        Settings s = settings();
        s.database(database);
        Settings.DatabaseSettings d = s.database(Settings.DEFAULT_DATABASE);
        if (s.models().isEmpty()) {
            throw new SettingsError("The settings name no models (quarry.models, or Settings.Builder.models)");
        }
        Quarry.Builder b = Quarry.builder().url(d.url()).user(d.user()).password(d.password()).models(s.models());
        s.databases().forEach((name, other) -> {
            if (!name.equals(Settings.DEFAULT_DATABASE)) {
                b.database(name, other.url(), other.user(), other.password());
            }
        });
        return b.build();
    }

    /**
     * A Quarry for work that reads no database (makemigrations, sqlmigrate --backend, check): on the default
     * database when the settings give one (it connects only if asked), else on an in-memory SQLite database.
     */
    Quarry offlineQuarry() {
        Settings s = settings();
        if (s.databases().containsKey(Settings.DEFAULT_DATABASE)) {
            return quarry(Settings.DEFAULT_DATABASE);
        }
        return Quarry.builder().url("jdbc:sqlite::memory:").models(s.models()).build();
    }

    /**
     * The migration {@code given} names in the app: its exact name, {@code app.Name}, or a prefix of one name
     * ({@code M0002}); {@code zero} stays as it is.
     */
    String migrationName(Migrator migrator, String given) {
        String app = settings().app();
        String name = given.startsWith(app + ".") ? given.substring(app.length() + 1) : given;
        List<String> all = migrator.migrations(app);
        if (name.equals(Migrator.ZERO) || all.contains(name)) {
            return name;
        }
        List<String> matching = all.stream().filter(m -> m.startsWith(name)).toList();
        if (matching.size() == 1) {
            return matching.get(0);
        }
        throw new NeedsAnswer((matching.isEmpty() ? "No migration of app '" + app + "' is named '" + given + "'"
                : "'" + given + "' names several migrations of app '" + app + "': " + matching + "; give more of the name")
                + ". Its migrations are: " + all + (all.isEmpty() ? " (none: check quarry.migrations.package)" : ""));
    }

    /** The Migrator of the settings' app on {@code quarry}. */
    Migrator migrator(Quarry quarry) {
        return Migrator.of(quarry, settings().app(), settings().migrations());
    }
}
