package dev.quarry.cli;

import dev.quarry.Quarry;
import dev.quarry.fixtures.Fixtures;
import dev.quarry.fixtures.LoadOptions;
import dev.quarry.fixtures.LoadResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code quarry loaddata FILE...}: loads JSON fixtures into the database in one transaction, showing progress (Django's
 * {@code loaddata}); docs/fixtures.md.
 */
@Command(name = "loaddata", sortOptions = false, header = "Loads JSON fixtures into the database.",
        description = {"Saves the objects of every FILE (JSON fixtures in Django's format, as dumpdata writes them) in one "
                + "transaction: rows whose key exists are updated, values are saved as given (no auto-now), foreign keys "
                + "are checked at the end so fixtures may refer forward, and key sequences move past the loaded keys.",
            "Prints a line as each model's objects of each fixture are saved; a bad object stops the load naming the fixture, "
                + "model, key and field, and nothing is saved."},
        footer = {"%nExamples:", "  quarry loaddata fixtures/library.json", "  quarry loaddata authors.json books.json --database archive"})
final class LoadDataCommand extends Subcommand {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The fixture files, loaded together.")
    List<Path> files;

    @Mixin
    DatabaseOption database;

    @Override
    public Integer call() {
        List<Path> missing = files.stream().filter(f -> !Files.isRegularFile(f)).toList();
        if (!missing.isEmpty()) {
            throw new NeedsAnswer("No fixture file " + missing + " (paths are relative to " + Path.of("").toAbsolutePath() + ")");
        }
        PrintWriter out = out();
        try (Quarry db = quarry.quarryOfAll(database.name)) {
            LoadOptions options = LoadOptions.defaults().withDatabase(database.name).withProgress((fixture, loaded, total) -> {
                out.println("  " + fixture + ": " + loaded + "/" + total + " objects");
                out.flush();
            });
            out.println("Loading " + files.size() + " fixture" + (files.size() == 1 ? "" : "s") + " into database '"
                    + database.name + "' (" + db.vendor(database.name) + ")");
            out.flush();
            LoadResult result = Fixtures.load(db, files, options);
            out.println(result + ".");
            out.flush();
            return ExitCodes.OK;
        }
    }
}
