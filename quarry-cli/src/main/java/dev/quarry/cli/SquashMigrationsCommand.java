package dev.quarry.cli;

import dev.quarry.Quarry;
import dev.quarry.migrations.Migrator;
import dev.quarry.migrations.writer.MakeMigrations;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code quarry squashmigrations APP [FROM] TO}: squashes a run of the app's migrations into one class written into
 * the migrations package (Django's {@code squashmigrations}); reads no database.
 */
@Command(name = "squashmigrations", sortOptions = false, header = "Squashes a run of migrations into one.",
        description = {"Writes one migration holding the operations of the app's migrations FROM (default: the first) to TO, "
                + "shortened where simple, whose replaces() lists them: M<FROM's number>Squashed<TO> in the migrations "
                + "package under the source root. Reads no database.",
            "A database that applied all of them treats the new one as applied; one that applied none runs it instead; "
                + "one part-way runs the rest of the old ones. Once every database has it, delete the old migrations and "
                + "the replaces() method."},
        footer = {"%nExamples:", "  quarry squashmigrations shop M0004        # M0001 to M0004",
            "  quarry squashmigrations shop M0002 M0004"})
final class SquashMigrationsCommand extends Subcommand {
    @Parameters(arity = "2..3", paramLabel = "APP [FROM] TO",
            description = "The app, then the first and last migrations to squash (a name or a unique prefix); FROM "
                    + "defaults to the app's first migration.")
    List<String> arguments;

    @Mixin
    MigrationsSource source;

    @Override
    public Integer call() {
        PrintWriter out = out();
        Settings s = quarry.settings();
        String app = arguments.get(0);
        if (!app.equals(s.app())) {
            throw new SettingsError("Unknown app '" + app + "': the settings' app is '" + s.app() + "'");
        }
        String pkg = source.requirePackage(s, "squashmigrations");
        try (Quarry db = quarry.offlineQuarry()) {
            Migrator migrator = quarry.migrator(db);
            String to = quarry.migrationName(migrator, arguments.get(arguments.size() - 1));
            String from = arguments.size() == 3 ? quarry.migrationName(migrator, arguments.get(1))
                    : migrator.migrations(app).get(0);
            List<String> run = migrator.squash(app, from, to).replaces();
            Path file = MakeMigrations.of(migrator, db, app, pkg).squash(source.root(s), from, to);
            out.println("Squashed " + run.size() + " migration" + (run.size() == 1 ? "" : "s") + " of '" + app + "' (" + from
                    + " to " + to + ") into:");
            out.println("  " + file);
            out.println("Compile it and run migrate; once every database has applied it, delete " + run
                    + " and its replaces() method.");
            out.flush();
            return ExitCodes.OK;
        }
    }
}
