package dev.quarry.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code mvn compile quarry:flywayscripts -Dquarry.backend=postgresql}: writes the migrations as Flyway versioned SQL scripts ({@code quarry flywayscripts}). */
@Mojo(name = "flywayscripts", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class FlywayScriptsMojo extends QuarryMojo {
    /** The backend to write SQL for ({@code sqlite}, {@code postgresql}, {@code mariadb}); default: the configured database's. */
    @Parameter(property = "quarry.backend")
    String backend;

    /** The folder of the scripts; default: {@code src/main/resources/db/migration} beside the source root. */
    @Parameter(property = "quarry.output")
    File output;

    /** The database whose backend is used without {@code backend}. */
    @Parameter(property = "quarry.database", defaultValue = "default")
    String database;

    /** For Maven. */
    public FlywayScriptsMojo() {}

    @Override
    List<String> command() {
        List<String> args = new ArrayList<>(List.of("flywayscripts", "--database=" + database));
        if (backend != null && !backend.isBlank()) {
            args.add("--backend=" + backend);
        }
        if (output != null) {
            args.add("--output=" + output.getAbsolutePath());
        }
        return args;
    }
}
