package dev.quarry.cli;

import dev.quarry.Quarry;
import dev.quarry.migrations.MigrationStatus;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code quarry showmigrations}: the app's migrations, dependencies first, and which are applied. */
@Command(name = "showmigrations", sortOptions = false, header = "Lists the migrations and which are applied.",
        description = {"Lists the app's migrations in the order they apply: [X] applied, [ ] pending, "
                + "[~] partly applied (a MariaDB run that stopped half-way; migrate resumes it)."},
        footer = {"%nExample output:", "  library", "   [X] M0001Initial", "   [ ] M0002BookIsbn"})
final class ShowMigrationsCommand extends Subcommand {
    @Mixin
    DatabaseOption database;

    @Option(names = {"-v", "--verbose"}, description = "Also shows when each migration was applied.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = out();
        try (Quarry db = quarry.quarry(database.name)) {
            List<MigrationStatus> all = quarry.migrator(db).showMigrations();
            out.println(quarry.settings().app());
            if (all.isEmpty()) {
                out.println(" (no migrations)");
            }
            for (MigrationStatus s : all) {
                String mark = s.isApplied() ? "[X]" : s.progress() != null ? "[~]" : "[ ]";
                out.println(" " + mark + " " + s.name()
                        + (s.progress() != null ? " (" + s.progress() + " operations applied)" : "")
                        + (verbose && s.isApplied() ? " (applied " + s.applied() + ")" : ""));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}
