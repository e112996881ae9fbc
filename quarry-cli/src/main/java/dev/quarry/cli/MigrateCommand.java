package dev.quarry.cli;

import dev.quarry.Quarry;
import dev.quarry.migrations.Autodetector;
import dev.quarry.migrations.MigrationError;
import dev.quarry.migrations.MigrationStatus;
import dev.quarry.migrations.Migrator;
import dev.quarry.migrations.ProjectState;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quarry migrate [APP] [MIGRATION]}: applies or unapplies migrations (Django's {@code migrate}). */
@Command(name = "migrate", sortOptions = false, header = "Applies (or unapplies) migrations.",
        description = {"Applies the pending migrations, or brings the app to MIGRATION: applies it and what it depends on, "
                + "or unapplies the migrations after it ('zero' unapplies them all).",
            "On PostgreSQL and SQLite the run is one transaction; on MariaDB each operation commits and a failure says "
                + "where it stopped (run migrate again to resume). A second run at the same time waits for the first."},
        footer = {"%nExamples:", "  quarry migrate", "  quarry migrate M0001Initial", "  quarry migrate library zero",
            "  quarry migrate --fake M0001Initial   # schema already there: only record it",
            "  quarry migrate --fake-initial        # adopt a database made before migrations"})
final class MigrateCommand extends Subcommand {
    @Parameters(arity = "0..2", paramLabel = "TARGET",
            description = {"[APP] MIGRATION: a migration's name, a unique prefix of it (M0002) or 'zero', optionally after "
                + "the app's name. None: every pending migration."})
    List<String> target = List.of();

    @Option(names = "--fake", description = "Records the migrations as applied (or unapplied) without running their operations.")
    boolean fake;

    @Option(names = "--fake-initial", description = "Records an initial migration as applied without running it when every "
            + "table it creates and column it adds exist already (adopting a database made before migrations); otherwise it runs.")
    boolean fakeInitial;

    @Mixin
    DatabaseOption database;

    @Option(names = "--check", description = "Runs nothing; exits 1 when migrations are unapplied (for deploy scripts).")
    boolean check;

    @Override
    public Integer call() {
        PrintWriter out = out();
        String app = quarry.settings().app();
        String name = null;
        if (target.size() == 2) {
            if (!target.get(0).equals(app)) {
                throw new SettingsError("Unknown app '" + target.get(0) + "': the settings' app is '" + app + "'");
            }
            name = target.get(1);
        } else if (target.size() == 1 && !target.get(0).equals(app)) {
            name = target.get(0);
        }
        try (Quarry db = quarry.quarryOfAll(database.name)) {
            Migrator migrator = quarry.migrator(db).withDatabase(database.name);
            if (name != null) {
                name = quarry.migrationName(migrator, name);
            }
            List<MigrationStatus> before = migrator.showMigrations();
            long pending = before.stream().filter(s -> !s.isApplied()).count();
            if (check) {
                before.stream().filter(s -> !s.isApplied()).forEach(s -> out.println(s));
                out.println(pending == 0 ? "No unapplied migrations." : pending + " unapplied migration" + (pending == 1 ? "" : "s") + ".");
                return pending == 0 ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
            }
            out.println("Operations to perform: " + (name == null ? "apply all migrations of " + app
                    : "bring " + app + " to " + name) + (fake ? " (faked)" : fakeInitial ? " (initial faked where its tables exist)" : "") + " on " + database.name
                    + " (" + db.vendor(database.name) + ")");
            out.println("Running migrations:");
            out.flush();
            Progress progress = new Progress(out, fake);
            Migrator running = migrator.withFake(fake).withFakeInitial(fakeInitial).withProgress(progress);
            List<String> done = name == null ? running.migrate() : running.migrate(app, name);
            if (done.isEmpty()) {
                out.println("  No migrations to apply.");
            } else {
                out.println("Done: " + done.size() + " migration" + (done.size() == 1 ? "" : "s") + " "
                        + (progress.backwards ? "unapplied" : "applied") + (fake ? " (faked)." : "."));
            }
            if (name == null && modelsChanged(migrator, db)) {
                out.println("  Your models in app '" + app + "' have changes not yet in a migration: run quarry "
                        + "makemigrations, then migrate again.");
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** Whether the models differ from the state of the migrations (Django's warning after {@code migrate}). */
    private static boolean modelsChanged(Migrator migrator, Quarry db) {
        try {
            return !Autodetector.of(migrator.state(), ProjectState.of(db)).changes().isEmpty();
        } catch (MigrationError e) {
            return true; // a new NOT NULL field without a default: a change that needs an answer
        }
    }

    /** Prints a line per migration, with a dot per operation and the time it took. */
    private static final class Progress implements dev.quarry.migrations.MigrationProgress {
        private final PrintWriter out;
        private final boolean fake;
        private final java.util.Set<String> finished = new java.util.HashSet<>();
        private String open;
        private long started;
        private int lastDone;
        private boolean backwards;

        Progress(PrintWriter out, boolean fake) {
            this.out = out;
            this.fake = fake;
        }

        @Override
        public void progressed(String migration, boolean backwards, int done, int total) {
            if (finished.contains(migration)) {
                return;
            }
            this.backwards = backwards;
            boolean jumped = false;   // from 0 to the end in one step: recorded without running (--fake, --fake-initial)
            if (!migration.equals(open)) {
                open = migration;
                started = System.nanoTime();
                lastDone = done;
                out.print("  " + (backwards ? "Unapplying " : "Applying ") + migration + " ");
            } else {
                jumped = lastDone == 0 && done == total && total > 1;
                if (!fake && !jumped) {
                    out.print(".");
                }
                lastDone = done;
            }
            if (done == total) {
                long ms = (System.nanoTime() - started) / 1_000_000;
                out.println(fake || jumped ? " FAKED" : " OK (" + ms + " ms)");
                finished.add(migration);
                open = null;
            }
            out.flush();
        }
    }
}
