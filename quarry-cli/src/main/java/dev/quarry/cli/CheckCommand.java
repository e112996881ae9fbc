package dev.quarry.cli;

import dev.quarry.Model;
import dev.quarry.Quarry;
import dev.quarry.QuarryException;
import dev.quarry.backend.Backends;
import dev.quarry.migrations.Migrator;
import dev.quarry.model.BackendChecks;
import dev.quarry.model.ModelMeta;
import dev.quarry.model.Registry;
import dev.quarry.spi.Backend;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code quarry check}: every problem the start-up checks find, at once (Django's system checks): the
 * models and their relations, fields each configured database cannot hold, and the migrations' graph.
 */
@Command(name = "check", header = "Reports every problem of the models and migrations.",
        description = {"Runs the start-up checks of the models (fields, relations, reverse names, tables), of each "
                + "configured database's backend (field kinds it cannot hold), and of the migrations (dependencies, "
                + "conflicts, replaying them), and reports every problem at once. Connects to no database.",
            "Exits 1 when there is a problem."})
final class CheckCommand extends Subcommand {
    @Override
    public Integer call() {
        PrintWriter out = out();
        Settings s = quarry.settings();
        List<String> problems = new ArrayList<>();
        Registry.problems(s.models()).forEach(e -> problems.add(e.getMessage()));
        List<ModelMeta> metas = new ArrayList<>();
        for (Class<? extends Model> c : s.models()) {
            try {
                metas.add(ModelMeta.of(c));
            } catch (QuarryException e) {
                // reported above
            }
        }
        for (Map.Entry<String, Settings.DatabaseSettings> d : s.databases().entrySet()) {
            try {
                Backend b = Backends.forUrl(d.getValue().url());
                BackendChecks.problems(metas, b.features(), d.getKey(), b.vendor()).forEach(e -> problems.add(e.getMessage()));
            } catch (QuarryException e) {
                problems.add("Database \"" + d.getKey() + "\": " + e.getMessage());
            }
        }
        if (problems.isEmpty()) {
            try (Quarry db = quarry.offlineQuarry()) {
                Migrator migrator = quarry.migrator(db);
                migrator.latest(s.app());
                migrator.state();
            } catch (QuarryException e) {
                problems.add("Migrations of app '" + s.app() + "': " + e.getMessage());
            }
        }
        if (problems.isEmpty()) {
            out.println("System check identified no issues (" + s.models().size() + " models, " + s.migrations().size()
                    + " migrations).");
            out.flush();
            return ExitCodes.OK;
        }
        out.println("System check identified " + problems.size() + " issue" + (problems.size() == 1 ? "" : "s") + ":");
        for (String p : problems) {
            out.println("  - " + p);
        }
        out.flush();
        return ExitCodes.CHECK_FAILED;
    }
}
