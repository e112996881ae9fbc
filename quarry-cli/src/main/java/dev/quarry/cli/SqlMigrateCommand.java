package dev.quarry.cli;

import dev.quarry.Quarry;
import dev.quarry.migrations.Migrator;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code quarry sqlmigrate MIGRATION}: prints the SQL a migration runs, for a chosen backend; runs nothing. */
@Command(name = "sqlmigrate", sortOptions = false, header = "Prints the SQL of a migration, running nothing.",
        description = {"Prints the SQL that applying (or, with --backwards, unapplying) MIGRATION runs, without running it. "
                + "With --backend, no database is read.", "Java steps (runJava) appear as comments."},
        footer = {"%nExamples:", "  quarry sqlmigrate M0001Initial --backend postgresql", "  quarry sqlmigrate M0002 --backwards"})
final class SqlMigrateCommand implements Callable<Integer> {
    /** The backends sqlmigrate writes for. */
    enum Backend { SQLITE, POSTGRESQL, MARIADB, MYSQL }

    @ParentCommand
    QuarryCommand quarry;

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Shows this help and exits.")
    boolean help;

    @Parameters(index = "0", paramLabel = "MIGRATION", description = "The migration: its name, app.Name, or a unique prefix (M0002).")
    String migration;

    @Option(names = "--backend", paramLabel = "BACKEND",
            description = "The database to write SQL for: sqlite, postgresql or mariadb (mysql). Default: the configured database's.")
    Backend backend;

    @Option(names = "--backwards", description = "The SQL that unapplies the migration instead.")
    boolean backwards;

    @Option(names = "--database", paramLabel = "NAME", defaultValue = Settings.DEFAULT_DATABASE,
            description = "The database whose backend is used when --backend is not given (default: \"${DEFAULT-VALUE}\").")
    String database;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Quarry db = backend != null ? quarry.offlineQuarry() : quarry.quarry(database)) {
            Migrator migrator = quarry.migrator(db);
            String name = quarry.migrationName(migrator, migration);
            String vendor = backend != null ? backend.name().toLowerCase(Locale.ROOT) : db.vendor();
            out.print(migrator.sqlMigrate(quarry.settings().app(), name, vendor, backwards));
            out.flush();
            return ExitCodes.OK;
        }
    }
}
