package dev.quarry.migrations.writer;

import com.palantir.javapoet.JavaFile;
import dev.quarry.Quarry;
import dev.quarry.migrations.Autodetector;
import dev.quarry.migrations.Migrator;
import dev.quarry.migrations.Operation;
import dev.quarry.migrations.ProjectState;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Django's {@code makemigrations} for one app, as an API (the command will call it): the changes the
 * models need beyond the app's migrations, and the next migration ({@code M0003<Suffix>}, depending on
 * the app's latest) written into the package of the app's migrations. Immutable.
 */
public final class MakeMigrations {
    private final Migrator migrator;
    private final Quarry quarry;
    private final String app;
    private final String packageName;
    private final UnaryOperator<Autodetector> detector;

    private MakeMigrations(Migrator migrator, Quarry quarry, String app, String packageName,
                           UnaryOperator<Autodetector> detector) {
        this.migrator = migrator;
        this.quarry = quarry;
        this.app = app;
        this.packageName = packageName;
        this.detector = detector;
    }

    /** makemigrations for {@code app}, whose migrations (known to {@code migrator}) live in {@code packageName}. */
    public static MakeMigrations of(Migrator migrator, Quarry quarry, String app, String packageName) {
        migrator.migrations(app);
        return new MakeMigrations(Objects.requireNonNull(migrator, "migrator"), Objects.requireNonNull(quarry, "quarry"),
                app, Objects.requireNonNull(packageName, "packageName"), UnaryOperator.identity());
    }

    /**
     * This makemigrations with the autodetector configured by {@code configure} (renames, one-off
     * defaults: {@code d -> d.withRenamedField("Book", "title", "name")}). This MakeMigrations is not modified.
     */
    public MakeMigrations withDetector(UnaryOperator<Autodetector> configure) {
        return new MakeMigrations(migrator, quarry, app, packageName, Objects.requireNonNull(configure, "configure"));
    }

    /** The operations the models need beyond the migrations; empty when they agree. */
    public List<Operation> changes() {
        return detector.apply(Autodetector.of(migrator.state(), ProjectState.of(quarry))).changes();
    }

    /** {@code --check}: whether the migrations already describe the models (no migration is needed). */
    public boolean check() {
        return changes().isEmpty();
    }

    /** The next migration, {@code M<number><suffix>}, or empty when nothing changed. */
    public Optional<JavaFile> next(String suffix) {
        List<Operation> ops = changes();
        if (ops.isEmpty()) {
            return Optional.empty();
        }
        String name = String.format("M%04d%s", migrator.migrations(app).size() + 1, suffix);
        List<String> deps = migrator.latest(app).map(List::of).orElse(List.of());
        return Optional.of(MigrationWriter.write(packageName, name, deps, ops));
    }

    /**
     * Django's {@code squashmigrations}: the app's migrations from {@code from} to {@code to} squashed into one
     * ({@link Migrator#squash}) and written into the app's package as {@code M<from's number>Squashed<to>}
     * ({@code M0001Squashed0004NoSize}), replacing them. Returns the file written.
     */
    public Path squash(Path sourceRoot, String from, String to) {
        java.util.regex.Matcher f = NUMBERED.matcher(from);
        String name = f.matches() ? "M" + f.group(1) + "Squashed" + (to.startsWith("M") ? to.substring(1) : to)
                : from + "Squashed" + to;
        return MigrationWriter.writeTo(sourceRoot, MigrationWriter.writeSquashed(packageName, name,
                migrator.squash(app, from, to)));
    }

    private static final java.util.regex.Pattern NUMBERED = java.util.regex.Pattern.compile("M(\\d+).*");

    /** Writes the next migration under {@code sourceRoot}; returns its file, or empty when nothing changed. */
    public Optional<Path> write(Path sourceRoot, String suffix) {
        return next(suffix).map(f -> MigrationWriter.writeTo(sourceRoot, f));
    }
}
