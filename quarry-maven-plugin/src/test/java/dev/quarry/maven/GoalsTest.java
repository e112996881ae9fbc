package dev.quarry.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The goals' wiring, without a Maven run: each goal's parameters become the {@code quarry} command's
 * arguments, and a goal runs the command in a class loader of the project's class path (here this module's
 * test classes, holding a model the command must find by scanning) and the plugin's artifacts, failing
 * the build on a failed check. (A full {@code maven-invoker-plugin} run of a sample project is not done:
 * it would install the plugin and start a Maven per goal, minutes on this build's two CPUs;
 * {@code .ci/run} runs the real plugin on the example instead.)
 */
class GoalsTest {
    @TempDir
    Path folder;

    /** Captures the log lines a goal writes. */
    static final class Captured extends SystemStreamLog {
        final List<String> lines = new ArrayList<>();

        @Override
        public void info(CharSequence content) {
            lines.add("info " + content);
        }

        @Override
        public void error(CharSequence content) {
            lines.add("error " + content);
        }
    }

    private <M extends QuarryMojo> M goal(M mojo, String... settings) throws IOException {
        Path file = folder.resolve("quarry.properties");
        Files.writeString(file, String.join("\n", settings) + "\n");
        mojo.settings = file.toFile();
        MavenProject project = new MavenProject();
        project.getBuild().setOutputDirectory(Path.of("target/test-classes").toAbsolutePath().toString());
        project.setArtifacts(Set.of());
        mojo.project = project;
        List<Artifact> plugin = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            DefaultArtifact a = new DefaultArtifact("test", new File(entry).getName(), "1", "runtime", "jar", null,
                    new DefaultArtifactHandler("jar"));
            a.setFile(new File(entry));
            plugin.add(a);
        }
        mojo.pluginArtifacts = plugin;
        return mojo;
    }

    @Test
    void eachGoalPassesItsParametersAsTheCommandsArguments() throws IOException {
        MakeMigrationsMojo make = goal(new MakeMigrationsMojo());
        make.check = true;
        make.name = "book_isbn";
        make.renameFields = List.of("Book.title=name");
        make.defaults = List.of("Book.pages=100");
        make.properties = Map.of("quarry.url", "jdbc:sqlite:x.db");
        assertThat(make.arguments()).containsExactly("--settings=" + make.settings.getAbsolutePath(), "-Dquarry.url=jdbc:sqlite:x.db",
                "makemigrations", "--no-input", "--check", "--name=book_isbn", "--rename-field=Book.title=name",
                "--default=Book.pages=100");

        MigrateMojo migrate = goal(new MigrateMojo());
        migrate.database = "archive";
        migrate.fake = true;
        migrate.target = "M0001";
        migrate.configClass = "com.example.Settings";
        assertThat(migrate.arguments()).containsExactly("--config-class=com.example.Settings", "migrate", "--database=archive",
                "--fake", "M0001");

        SqlMigrateMojo sql = goal(new SqlMigrateMojo());
        sql.migration = "M0002";
        sql.database = "default";
        sql.backend = "postgresql";
        sql.backwards = true;
        assertThat(sql.command()).containsExactly("sqlmigrate", "M0002", "--database=default", "--backend=postgresql", "--backwards");

        ShowMigrationsMojo show = goal(new ShowMigrationsMojo());
        show.database = "default";
        assertThat(show.command()).containsExactly("showmigrations", "--database=default");
        assertThat(goal(new CheckMojo()).command()).containsExactly("check");

        migrate.fakeInitial = true;
        migrate.fake = false;
        assertThat(migrate.command()).containsExactly("migrate", "--database=archive", "--fake-initial", "M0001");

        InspectDbMojo inspect = goal(new InspectDbMojo());
        inspect.database = "legacy";
        inspect.packageName = "com.example.legacy";
        inspect.output = folder.resolve("src").toFile();
        inspect.tables = List.of("author", "book");
        assertThat(inspect.command()).containsExactly("inspectdb", "--database=legacy", "--package=com.example.legacy",
                "--output=" + folder.resolve("src").toFile().getAbsolutePath(), "author", "book");

        DumpDataMojo dump = goal(new DumpDataMojo());
        dump.database = "default";
        dump.indent = 2;
        dump.models = List.of("Book");
        dump.exclude = List.of("Review");
        dump.appLabel = "library";
        dump.output = folder.resolve("all.json").toFile();
        assertThat(dump.command()).containsExactly("dumpdata", "--database=default", "--indent=2", "--exclude=Review",
                "--app-label=library", "--output=" + dump.output.getAbsolutePath(), "Book");

        LoadDataMojo load = goal(new LoadDataMojo());
        load.database = "archive";
        load.fixtures = List.of(folder.resolve("a.json").toFile(), folder.resolve("b.json").toFile());
        assertThat(load.command()).containsExactly("loaddata", "--database=archive", load.fixtures.get(0).getAbsolutePath(),
                load.fixtures.get(1).getAbsolutePath());

        SquashMigrationsMojo squash = goal(new SquashMigrationsMojo());
        squash.app = "library";
        squash.to = "M0004";
        assertThat(squash.command()).containsExactly("squashmigrations", "library", "M0004");
        squash.from = "M0002";
        assertThat(squash.command()).containsExactly("squashmigrations", "library", "M0002", "M0004");

        FlywayScriptsMojo flyway = goal(new FlywayScriptsMojo());
        flyway.database = "default";
        flyway.backend = "postgresql";
        assertThat(flyway.command()).containsExactly("flywayscripts", "--database=default", "--backend=postgresql");

        GraphMojo graph = goal(new GraphMojo());
        graph.format = "dot";
        assertThat(graph.command()).containsExactly("graph", "--format=dot");
    }

    @Test
    void graphAndDumpdataRunOnTheProjectsClassPath() throws Exception {
        GraphMojo graph = goal(new GraphMojo(), "quarry.models = dev.quarry.maven.fixture");
        graph.format = "svg";
        graph.output = folder.resolve("models.svg").toFile();
        Captured log = new Captured();
        graph.setLog(log);
        graph.execute();
        assertThat(log.lines).containsExactly("info Wrote ModelGraph[1 models, 0 relations] as svg to " + graph.output);
        assertThat(Files.readString(graph.output.toPath())).contains("<svg").contains("Crate");

        // A SQLite file with the table made by hand and one row, dumped by the goal. The file is made through the driver
        // itself, not DriverManager: DriverManager finds its drivers once per JVM with the thread's context class loader,
        // which must be the goal's (as in a Maven run) for the project's driver to serve the command.
        Path file = folder.resolve("crates.db");
        try (java.sql.Connection c = new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, new java.util.Properties());
             java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE TABLE crate (id integer PRIMARY KEY AUTOINCREMENT, code varchar(20) NOT NULL)");
            st.execute("INSERT INTO crate (code) VALUES ('apples')");
        }
        DumpDataMojo dump = goal(new DumpDataMojo(), "quarry.models = dev.quarry.maven.fixture", "quarry.url = jdbc:sqlite:" + file);
        dump.database = "default";
        Captured dumped = new Captured();
        dump.setLog(dumped);
        try {
            dump.execute();
        } catch (Exception e) {
            throw new AssertionError(dumped.lines.toString(), e);
        }
        assertThat(dumped.lines).containsExactly("info [{\"model\": \"Crate\", \"pk\": 1, \"fields\": {\"code\": \"apples\"}}]");
    }

    @Test
    void aGoalRunsTheCommandOnTheProjectsClassPathAndFailsTheBuildOnAFailedCheck() throws Exception {
        CheckMojo check = goal(new CheckMojo(), "quarry.models = dev.quarry.maven.fixture");
        Captured log = new Captured();
        check.setLog(log);
        check.execute();
        assertThat(log.lines).containsExactly("info System check identified no issues (1 models, 0 migrations).");

        // The model has no migration yet: --check fails the build, and says what changed.
        MakeMigrationsMojo make = goal(new MakeMigrationsMojo(), "quarry.models = dev.quarry.maven.fixture",
                "quarry.migrations.package = dev.quarry.maven.fixture.migrations");
        make.check = true;
        Captured makeLog = new Captured();
        make.setLog(makeLog);
        assertThatThrownBy(make::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("The models changed without a migration (listed above): run mvn compile quarry:makemigrations");
        assertThat(makeLog.lines).contains("info Models of app 'fixture' changed without a migration:",
                "info   - Create model Crate");

        // The same goal writes the migration into the source folder next to the settings.
        make.check = false;
        make.execute();
        assertThat(folder.resolve("src/main/java/dev/quarry/maven/fixture/migrations/M0001Initial.java")).exists();
    }

    @Test
    void skipRunsNothing() throws Exception {
        CheckMojo check = goal(new CheckMojo(), "quarry.models = no.such.package");
        check.skip = true;
        Captured log = new Captured();
        check.setLog(log);
        check.execute();
        assertThat(log.lines).containsExactly("info quarry: skipped (quarry.skip)");
    }
}
