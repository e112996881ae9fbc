package dev.quarry.cli;

import com.palantir.javapoet.JavaFile;
import dev.quarry.Quarry;
import dev.quarry.migrations.Autodetector;
import dev.quarry.migrations.Migrator;
import dev.quarry.migrations.Operation;
import dev.quarry.migrations.ProjectState;
import dev.quarry.migrations.writer.MakeMigrations;
import dev.quarry.migrations.writer.MigrationWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code quarry makemigrations}: compares the models with the state of the app's migrations and writes the
 * next migration as a Java class into the migrations package (Django's {@code makemigrations}). Reads no
 * database.
 */
@Command(name = "makemigrations", sortOptions = false, header = "Writes the next migration from the models' changes.",
        description = {"Writes the next migration of the app: a Java class in the migrations package (quarry.migrations.package "
                + "under quarry.migrations.source-dir) holding the operations that bring the migrations' state to the models. "
                + "Review it and commit it. Reads no database.",
            "A field (or model) that disappeared while a like one appeared is asked about as a rename; a new NOT NULL field "
                + "without a default asks for a one-off value for the rows already there. Without a terminal (or with "
                + "--no-input) renames come only from --rename-field/--rename-model and values from --default."},
        footer = {"%nExamples:", "  quarry makemigrations", "  quarry makemigrations --name book_isbn",
            "  quarry makemigrations --check --no-input      # in CI",
            "  quarry makemigrations --no-input \\", "      --rename-field Book.title=name --default Book.pages=100",
            "  quarry makemigrations --empty --name fill_slugs   # a data migration"})
final class MakeMigrationsCommand extends Subcommand {
    @Option(names = "--check", description = "Writes nothing; exits 1 when the models changed without a migration.")
    boolean check;

    @Option(names = "--dry-run", description = "Shows the migration that would be written, and writes nothing.")
    boolean dryRun;

    @Option(names = "--empty", description = "Writes a migration without operations, for a data migration (add runJava/runSql).")
    boolean empty;

    @Option(names = {"-n", "--name"}, paramLabel = "NAME",
            description = "The name after the number (book_isbn gives M0002BookIsbn); default: from the operations.")
    String name;

    @Option(names = "--rename-field", paramLabel = "MODEL.OLD=NEW",
            description = "Treats field OLD of MODEL (the model's current name) as renamed to NEW. Repeatable.")
    List<String> renamedFields = new ArrayList<>();

    @Option(names = "--rename-model", paramLabel = "OLD=NEW", description = "Treats model OLD as renamed to NEW. Repeatable.")
    Map<String, String> renamedModels = new LinkedHashMap<>();

    @Option(names = "--default", paramLabel = "MODEL.FIELD=VALUE",
            description = "The one-off value for the rows already there when a NOT NULL field without a default is added. "
                    + "Repeatable.")
    Map<String, String> defaults = new LinkedHashMap<>();

    @Option(names = {"--no-input", "--noinput"}, description = "Asks no question (CI): renames and values come only from options.")
    boolean noInput;

    @Mixin
    MigrationsSource source;

    @Override
    public Integer call() {
        PrintWriter out = out();
        Settings s = quarry.settings();
        String pkg = check ? source.packageOrNull(s) : source.requirePackage(s, "makemigrations");
        Terminal terminal = noInput ? new Terminal(null, false) : quarry.terminal();
        try (Quarry db = quarry.offlineQuarry()) {
            Migrator migrator = quarry.migrator(db);
            String app = s.app();
            int existing = migrator.migrations(app).size();
            if (pkg != null && !check) {
                checkCompiled(pkg, migrator.migrations(app));
            }
            List<String> dependencies = migrator.latest(app).map(List::of).orElse(List.of());
            if (empty) {
                String className = MigrationNames.next(existing, name != null ? MigrationNames.fromOption(name) : "Auto");
                return write(out, app, MigrationWriter.write(pkg, className, dependencies, List.of()), List.of());
            }
            ProjectState from = migrator.state();
            ProjectState to = ProjectState.of(db);
            Questions questions = new Questions(from, to, terminal, out);
            Autodetector detector = questions.answer(Autodetector.of(from, to), renamedModels, renamedFields, defaults, check);
            List<Operation> ops = MakeMigrations.of(migrator, db, app, pkg == null ? "" : pkg)
                    .withDetector(d -> detector).changes();
            if (ops.isEmpty()) {
                out.println("No changes detected in app '" + app + "'.");
                return ExitCodes.OK;
            }
            if (check) {
                out.println("Models of app '" + app + "' changed without a migration:");
                ops.forEach(op -> out.println("  - " + op.describe()));
                out.println("Run quarry makemigrations to write it, then review and commit it.");
                return ExitCodes.CHECK_FAILED;
            }
            String suffix = name != null ? MigrationNames.fromOption(name) : MigrationNames.suggest(ops, existing == 0);
            return write(out, app, MigrationWriter.write(pkg, MigrationNames.next(existing, suffix), dependencies, ops), ops);
        }
    }

    private Path root() {
        return source.root(quarry.settings());
    }

    /**
     * Refuses to number a migration while the package's folder holds a migration source the class path does not
     * (written but not compiled yet): the new one would take its number.
     */
    private void checkCompiled(String pkg, List<String> known) {
        Path dir = root().resolve(pkg.replace('.', '/'));
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<String> uncompiled = files.map(f -> f.getFileName().toString()).filter(f -> f.matches("M\\d{4}\\w*\\.java"))
                    .map(f -> f.substring(0, f.length() - ".java".length())).filter(c -> !known.contains(c)).sorted().toList();
            if (!uncompiled.isEmpty()) {
                throw new SettingsError(uncompiled + " in " + dir + " " + (uncompiled.size() == 1 ? "is" : "are")
                        + " not on the class path: compile the application (mvn compile) before running makemigrations "
                        + "again, so the next migration comes after " + (uncompiled.size() == 1 ? "it" : "them"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int write(PrintWriter out, String app, JavaFile file, List<Operation> ops) {
        Path root = root();
        Path target = root.resolve(file.packageName().replace('.', '/')).resolve(file.typeSpec().name() + ".java");
        out.println("Migrations for '" + app + "':");
        out.println("  " + target);
        ops.forEach(op -> out.println("    - " + op.describe()));
        if (ops.isEmpty()) {
            out.println("    (no operations: add runJava or runSql steps to it)");
        }
        if (dryRun) {
            out.println("Dry run: nothing written. The class would be:");
            out.println(file);
        } else {
            MigrationWriter.writeTo(root, file);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
