package dev.quarry.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code mvn compile quarry:squashmigrations -Dquarry.app=library -Dquarry.to=M0004}: squashes a run of migrations into one class in the migrations package ({@code quarry squashmigrations}). */
@Mojo(name = "squashmigrations", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class SquashMigrationsMojo extends QuarryMojo {
    /** The app (the settings' app). */
    @Parameter(property = "quarry.app", required = true)
    String app;

    /** The first migration to squash; none: the app's first. */
    @Parameter(property = "quarry.from")
    String from;

    /** The last migration to squash. */
    @Parameter(property = "quarry.to", required = true)
    String to;

    /** For Maven. */
    public SquashMigrationsMojo() {}

    @Override
    List<String> command() {
        List<String> args = new ArrayList<>(List.of("squashmigrations", app));
        if (from != null && !from.isBlank()) {
            args.add(from);
        }
        args.add(to);
        return args;
    }
}
