package dev.quarry.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code mvn compile quarry:showmigrations}: lists the app's migrations and which are applied ({@code quarry showmigrations}). */
@Mojo(name = "showmigrations", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class ShowMigrationsMojo extends QuarryMojo {
    /** The database whose history is read. */
    @Parameter(property = "quarry.database", defaultValue = "default")
    String database;

    /** Also shows when each migration was applied. */
    @Parameter(property = "quarry.verbose", defaultValue = "false")
    boolean verbose;

    /** For Maven. */
    public ShowMigrationsMojo() {}

    @Override
    List<String> command() {
        List<String> args = new ArrayList<>(List.of("showmigrations", "--database=" + database));
        if (verbose) {
            args.add("--verbose");
        }
        return args;
    }
}
