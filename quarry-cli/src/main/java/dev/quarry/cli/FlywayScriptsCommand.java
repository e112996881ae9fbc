package dev.quarry.cli;

import dev.quarry.Quarry;
import dev.quarry.migrations.Migrator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code quarry flywayscripts}: writes every migration as a Flyway versioned SQL script ({@code V1__shop_M0001Initial.sql})
 * for one backend, for teams that apply migrations with Flyway; runs nothing.
 */
@Command(name = "flywayscripts", sortOptions = false, header = "Writes the migrations as Flyway SQL scripts.",
        description = {"Writes each migration, dependencies first, as a Flyway versioned script V<n>__<app>_<Name>.sql holding "
                + "the SQL sqlmigrate shows, into --output (default: db/migration beside the source root, Flyway's "
                + "classpath:db/migration). Runs nothing; with --backend, reads no database.",
            "The scripts hold no quarry_migrations rows: Flyway keeps its own history. Java steps (runJava) appear as "
                + "comments: such a migration needs its SQL by hand. Run it again after each makemigrations; earlier "
                + "scripts come out the same, so Flyway's checksums hold while no migration is edited or squashed."},
        footer = {"%nExamples:", "  quarry flywayscripts --backend postgresql",
            "  quarry flywayscripts --backend mariadb --output build/flyway"})
final class FlywayScriptsCommand extends Subcommand {
    @Option(names = "--backend", paramLabel = "BACKEND",
            description = "The database to write SQL for: sqlite, postgresql or mariadb (mysql). Default: the configured database's.")
    SqlMigrateCommand.Backend backend;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "The folder for the scripts, created if missing (default: src/main/resources/db/migration, beside "
                    + "quarry.migrations.source-dir).")
    Path output;

    @Mixin
    DatabaseOption database;

    @Override
    public Integer call() {
        PrintWriter out = out();
        Path dir = output != null ? output : quarry.settings().sourceDir().resolveSibling("resources").resolve("db/migration");
        try (Quarry db = backend != null ? quarry.offlineQuarry() : quarry.quarry(database.name)) {
            Migrator migrator = quarry.migrator(db);
            String vendor = backend != null ? backend.name().toLowerCase(Locale.ROOT) : db.vendor();
            List<Path> files = migrator.writeFlywayScripts(dir, vendor);
            out.println("Wrote " + files.size() + " Flyway script" + (files.size() == 1 ? "" : "s") + " for " + vendor + " into "
                    + dir + ":");
            files.forEach(f -> out.println("  " + f.getFileName()));
            out.flush();
            return ExitCodes.OK;
        }
    }
}
