package dev.quarry.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code mvn compile quarry:migrate}: applies the pending migrations, or brings the app to {@code -Dquarry.target} ({@code quarry migrate}). */
@Mojo(name = "migrate", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class MigrateMojo extends QuarryMojo {
    /** The migration to bring the app to (a name, a unique prefix, or {@code zero}); none: every pending one. */
    @Parameter(property = "quarry.target")
    String target;

    /** Records the migrations without running them. */
    @Parameter(property = "quarry.fake", defaultValue = "false")
    boolean fake;

    /** Records an initial migration as applied without running it when its tables and columns exist already. */
    @Parameter(property = "quarry.fakeInitial", defaultValue = "false")
    boolean fakeInitial;

    /** Runs nothing; fails when migrations are unapplied. */
    @Parameter(property = "quarry.check", defaultValue = "false")
    boolean check;

    /** The database to migrate, by its name in the settings. */
    @Parameter(property = "quarry.database", defaultValue = "default")
    String database;

    /** For Maven. */
    public MigrateMojo() {}

    @Override
    List<String> command() {
        List<String> args = new ArrayList<>(List.of("migrate", "--database=" + database));
        if (fake) {
            args.add("--fake");
        }
        if (fakeInitial) {
            args.add("--fake-initial");
        }
        if (check) {
            args.add("--check");
        }
        if (target != null && !target.isBlank()) {
            args.add(target);
        }
        return args;
    }
}
