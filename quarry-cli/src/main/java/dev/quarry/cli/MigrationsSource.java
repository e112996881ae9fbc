package dev.quarry.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --package} and {@code --source-dir} options of the commands that write a migration class
 * ({@code makemigrations}, {@code squashmigrations}), with the settings' values as defaults (a picocli mixin).
 */
final class MigrationsSource {
    @Option(names = "--package", paramLabel = "PACKAGE", description = "The migrations package (default: quarry.migrations.package).")
    String packageName;

    @Option(names = "--source-dir", paramLabel = "DIR", description = "The source root to write into (default: quarry.migrations.source-dir).")
    Path sourceDir;

    /** The package to write into, or {@code null} when neither the option nor the settings give one. */
    String packageOrNull(Settings s) {
        return packageName != null ? packageName : s.migrationsPackage();
    }

    /** The package to write into; {@code command} needs one, so none stops it naming where to set it. */
    String requirePackage(Settings s, String command) {
        String pkg = packageOrNull(s);
        if (pkg == null) {
            throw new SettingsError(command + " needs the migrations package: set quarry.migrations.package "
                    + "(or Settings.Builder.migrationsPackage), or give --package");
        }
        return pkg;
    }

    /** The source root to write into. */
    Path root(Settings s) {
        return sourceDir != null ? sourceDir : s.sourceDir();
    }
}
