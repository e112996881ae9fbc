package dev.quarry.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code mvn quarry:inspectdb -Dquarry.package=com.example.legacy -Dquarry.output=src/main/java}: model classes from the database's tables ({@code quarry inspectdb}); without {@code output} they are logged. */
@Mojo(name = "inspectdb", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class InspectDbMojo extends QuarryMojo {
    /** Only these tables (default: every table but quarry_migrations). */
    @Parameter(property = "quarry.tables")
    List<String> tables = List.of();

    /** The package of the classes (required with {@code output}). */
    @Parameter(property = "quarry.package")
    String packageName;

    /** The source root to write the classes under; none: they are logged. */
    @Parameter(property = "quarry.output")
    File output;

    /** The database to read, by its name in the settings. */
    @Parameter(property = "quarry.database", defaultValue = "default")
    String database;

    /** For Maven. */
    public InspectDbMojo() {}

    @Override
    List<String> command() {
        List<String> args = new ArrayList<>(List.of("inspectdb", "--database=" + database));
        if (packageName != null && !packageName.isBlank()) {
            args.add("--package=" + packageName);
        }
        if (output != null) {
            args.add("--output=" + output.getAbsolutePath());
        }
        args.addAll(tables);
        return args;
    }
}
