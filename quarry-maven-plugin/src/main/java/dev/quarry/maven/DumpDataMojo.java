package dev.quarry.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code mvn quarry:dumpdata -Dquarry.output=fixtures/all.json}: the database's rows as a JSON fixture ({@code quarry dumpdata}); without {@code output} it is logged. */
@Mojo(name = "dumpdata", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class DumpDataMojo extends QuarryMojo {
    /** Only these models, by label ({@code Book}, {@code library.book}); default: every model. */
    @Parameter(property = "quarry.dumpModels")
    List<String> models = List.of();

    /** Models left out. */
    @Parameter(property = "quarry.exclude")
    List<String> exclude = List.of();

    /** Spaces per level; 0 writes one line. */
    @Parameter(property = "quarry.indent", defaultValue = "0")
    int indent;

    /** Names models as Django does, {@code app.modelname}. */
    @Parameter(property = "quarry.appLabel")
    String appLabel;

    /** The file to write (replaced); none: the fixture is logged. */
    @Parameter(property = "quarry.output")
    File output;

    /** The database to read, by its name in the settings. */
    @Parameter(property = "quarry.database", defaultValue = "default")
    String database;

    /** For Maven. */
    public DumpDataMojo() {}

    @Override
    List<String> command() {
        List<String> args = new ArrayList<>(List.of("dumpdata", "--database=" + database, "--indent=" + indent));
        exclude.forEach(e -> args.add("--exclude=" + e));
        if (appLabel != null && !appLabel.isBlank()) {
            args.add("--app-label=" + appLabel);
        }
        if (output != null) {
            args.add("--output=" + output.getAbsolutePath());
        }
        args.addAll(models);
        return args;
    }
}
