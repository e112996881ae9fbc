package dev.quarry.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code mvn compile quarry:loaddata -Dquarry.fixtures=fixtures/all.json}: loads JSON fixtures in one transaction, logging progress ({@code quarry loaddata}). */
@Mojo(name = "loaddata", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class LoadDataMojo extends QuarryMojo {
    /** The fixture files, loaded together. */
    @Parameter(property = "quarry.fixtures", required = true)
    List<File> fixtures;

    /** The database to load into, by its name in the settings. */
    @Parameter(property = "quarry.database", defaultValue = "default")
    String database;

    /** For Maven. */
    public LoadDataMojo() {}

    @Override
    List<String> command() {
        List<String> args = new ArrayList<>(List.of("loaddata", "--database=" + database));
        fixtures.forEach(f -> args.add(f.getAbsolutePath()));
        return args;
    }
}
