package dev.quarry.cli;

import dev.quarry.Quarry;
import dev.quarry.migrations.Migrator;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quarry sqlmigrate MIGRATION}: prints the SQL a migration runs, for a chosen backend; runs nothing. */
@Command(name = "sqlmigrate", sortOptions = false, header = "Prints the SQL of a migration, running nothing.",
        description = {"Prints the SQL that applying (or, with --backwards, unapplying) MIGRATION runs, without running it. "
                + "With --backend, no database is read.", "Java steps (runJava) appear as comments."},
        footer = {"%nExamples:", "  quarry sqlmigrate M0001Initial --backend postgresql", "  quarry sqlmigrate M0002 --backwards"})
final class SqlMigrateCommand extends Subcommand {
    /** The backends sqlmigrate writes for. */
    enum Backend { SQLITE, POSTGRESQL, MARIADB, MYSQL }

    @Parameters(index = "0", paramLabel = "MIGRATION", description = "The migration: its name, app.Name, or a unique prefix (M0002).")
    String migration;

    @Option(names = "--backend", paramLabel = "BACKEND",
            description = "The database to write SQL for: sqlite, postgresql or mariadb (mysql). Default: the configured database's.")
    Backend backend;

    @Option(names = "--backwards", description = "The SQL that unapplies the migration instead.")
    boolean backwards;

    @Mixin
    DatabaseOption database;

    @Override
    public Integer call() {
        PrintWriter out = out();
        try (Quarry db = backend != null ? quarry.offlineQuarry() : quarry.quarry(database.name)) {
            Migrator migrator = quarry.migrator(db);
            String name = quarry.migrationName(migrator, migration);
            String vendor = backend != null ? backend.name().toLowerCase(Locale.ROOT) : db.vendor();
            out.print(migrator.sqlMigrate(quarry.settings().app(), name, vendor, backwards));
            out.flush();
            return ExitCodes.OK;
        }
    }
}
