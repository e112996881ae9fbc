package dev.quarry.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn compile quarry:makemigrations}: writes the next migration of the app from the models' changes
 * ({@code quarry makemigrations}). With {@code -Dquarry.check}, writes nothing and fails the build when the
 * models changed without a migration (for CI). Asks no question: renames and one-off values are parameters.
 */
@Mojo(name = "makemigrations", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class MakeMigrationsMojo extends QuarryMojo {
    /** Writes nothing; fails when the models changed without a migration. */
    @Parameter(property = "quarry.check", defaultValue = "false")
    boolean check;

    /** Writes a migration without operations (a data migration to edit). */
    @Parameter(property = "quarry.empty", defaultValue = "false")
    boolean empty;

    /** Shows the migration instead of writing it. */
    @Parameter(property = "quarry.dryRun", defaultValue = "false")
    boolean dryRun;

    /** The migration's name after its number ({@code book_isbn}). */
    @Parameter(property = "quarry.name")
    String name;

    /** Field renames, each {@code Model.old=new}. */
    @Parameter(property = "quarry.renameFields")
    List<String> renameFields = List.of();

    /** Model renames, each {@code Old=New}. */
    @Parameter(property = "quarry.renameModels")
    List<String> renameModels = List.of();

    /** One-off values for new NOT NULL fields without a default, each {@code Model.field=value}. */
    @Parameter(property = "quarry.defaults")
    List<String> defaults = List.of();

    /** For Maven. */
    public MakeMigrationsMojo() {}

    @Override
    String failure(int exit) {
        return check && exit == 1 ? "The models changed without a migration (listed above): run mvn compile "
                + "quarry:makemigrations, then review and commit the migration it writes" : super.failure(exit);
    }

    @Override
    List<String> command() {
        List<String> args = new ArrayList<>(List.of("makemigrations", "--no-input"));
        if (check) {
            args.add("--check");
        }
        if (empty) {
            args.add("--empty");
        }
        if (dryRun) {
            args.add("--dry-run");
        }
        if (name != null && !name.isBlank()) {
            args.add("--name=" + name);
        }
        renameFields.forEach(r -> args.add("--rename-field=" + r));
        renameModels.forEach(r -> args.add("--rename-model=" + r));
        defaults.forEach(d -> args.add("--default=" + d));
        return args;
    }
}
