package dev.quarry.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code mvn quarry:sqlmigrate -Dquarry.migration=M0002 -Dquarry.backend=postgresql}: prints a migration's SQL ({@code quarry sqlmigrate}). */
@Mojo(name = "sqlmigrate", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class SqlMigrateMojo extends QuarryMojo {
    /** The migration: its name, {@code app.Name}, or a unique prefix. */
    @Parameter(property = "quarry.migration", required = true)
    String migration;

    /** The backend to write SQL for ({@code sqlite}, {@code postgresql}, {@code mariadb}); default: the configured database's. */
    @Parameter(property = "quarry.backend")
    String backend;

    /** The SQL that unapplies the migration instead. */
    @Parameter(property = "quarry.backwards", defaultValue = "false")
    boolean backwards;

    /** The database whose backend is used without {@code backend}. */
    @Parameter(property = "quarry.database", defaultValue = "default")
    String database;

    /** For Maven. */
    public SqlMigrateMojo() {}

    @Override
    List<String> command() {
        List<String> args = new ArrayList<>(List.of("sqlmigrate", migration, "--database=" + database));
        if (backend != null && !backend.isBlank()) {
            args.add("--backend=" + backend);
        }
        if (backwards) {
            args.add("--backwards");
        }
        return args;
    }
}
