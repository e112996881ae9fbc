package dev.quarry.migrations.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.palantir.javapoet.JavaFile;
import dev.quarry.Quarry;
import dev.quarry.migrations.Autodetector;
import dev.quarry.migrations.CheckState;
import dev.quarry.migrations.FieldState;
import dev.quarry.migrations.IndexState;
import dev.quarry.migrations.Migration;
import dev.quarry.migrations.MigrationError;
import dev.quarry.migrations.Migrator;
import dev.quarry.migrations.Operation;
import dev.quarry.migrations.ProjectState;
import dev.quarry.migrations.Squash;
import dev.quarry.spi.FieldType;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * makemigrations' round trip: the autodetector's operations for the models, written as a Java class,
 * compiled, loaded and replayed, give the models' state again (nothing left to detect); and the text of
 * single operations reads as one would write it by hand.
 */
class MigrationWriterTest {
    @TempDir
    Path dir;

    @Test
    void aWrittenInitialMigrationCompilesAndReplaysToTheModels() throws Exception {
        try (Quarry quarry = Quarry.builder().url("jdbc:sqlite::memory:").models(Volume.class).build()) {
            ProjectState models = ProjectState.of(quarry);
            List<Operation> ops = Autodetector.of(ProjectState.empty(), models).changes();
            JavaFile file = MigrationWriter.write("app.migrations", "M0001Initial", List.of(), ops);
            Path written = MigrationWriter.writeTo(dir.resolve("src"), file);
            String source = Files.readString(written);
            assertThat(source).contains("public final class M0001Initial extends Migration")
                    .contains("FieldState.charField(\"name\", 100).withColumn(\"full_name\").withDbIndex(true)")
                    .contains("FieldState.of(\"price\", FieldType.DECIMAL).withDecimal(6, 2).withDefault(new BigDecimal(\"9.99\"))")
                    .contains("FieldState.foreignKey(\"writer\", \"Writer\").withNullable(true)")
                    .contains("new ManyToManyState(\"labels\", \"Label\", \"volumes_labels\", \"volume_id\", \"label_id\")");

            Class<? extends Migration> initial = compile(written, "app.migrations.M0001Initial");
            Migrator migrator = Migrator.of(quarry, "app", List.of(initial));
            assertThat(migrator.state()).isEqualTo(models);
            assertThat(Autodetector.of(migrator.state(), models).changes()).isEmpty();
            MakeMigrations make = MakeMigrations.of(migrator, quarry, "app", "app.migrations");
            assertThat(make.check()).isTrue();
            assertThat(make.write(dir.resolve("src"), "Nothing")).isEmpty();
            // Before any migration, makemigrations writes the same file as above.
            MakeMigrations first = MakeMigrations.of(Migrator.of(quarry, "app", List.of()), quarry, "app", "app.migrations");
            assertThat(first.check()).isFalse();
            assertThat(first.next("Initial").orElseThrow().toString()).isEqualTo(file.toString());

            // The next migration depends on the first by name and compiles beside it.
            JavaFile next = MigrationWriter.write("app.migrations", "M0002Pages", List.of("M0001Initial"), List.of(
                    Operation.alterField("Volume", FieldState.of("pages", FieldType.BIGINT).withDefault(200L))));
            Path second = MigrationWriter.writeTo(dir.resolve("src"), next);
            assertThat(Files.readString(second)).contains("return List.of(M0001Initial.class);");
        }
    }

    @Test
    void aForeignKeyWithoutItsConstraintIsWrittenSo() {
        // Django's db_constraint=False: the written field says so, and only when it differs from the default.
        FieldState loose = FieldState.foreignKey("novel", "Novel").withDbConstraint(false);
        assertThat(MigrationWriter.field(loose).toString())
                .isEqualTo("dev.quarry.migrations.FieldState.foreignKey(\"novel\", \"Novel\").withDbConstraint(false)");
        assertThat(MigrationWriter.field(FieldState.foreignKey("novel", "Novel")).toString()).doesNotContain("withDbConstraint");
    }

    @Test
    void checksUniqueTogetherAndSquashedMigrationsAreWrittenAndCompile() throws Exception {
        try (Quarry quarry = Quarry.builder().url("jdbc:sqlite::memory:").models(Part.class, Writer.class).build()) {
            ProjectState models = ProjectState.of(quarry);
            JavaFile file = MigrationWriter.write("app.parts", "M0001Initial", List.of(),
                    Autodetector.of(ProjectState.empty(), models).changes());
            Path written = MigrationWriter.writeTo(dir.resolve("src"), file);
            assertThat(Files.readString(written))
                    .contains("Operation.addConstraint(\"Part\", CheckState.of(\"part_weight_positive\", \"weight > 0\"))")
                    .contains("Operation.alterUniqueTogether(\"Part\", List.of(List.of(\"maker\", \"code\")))");
            Class<? extends Migration> initial = compile(written, "app.parts.M0001Initial");
            Migrator migrator = Migrator.of(quarry, "app", List.of(initial));
            assertThat(migrator.state()).isEqualTo(models);

            // Squashed: CreateModel absorbs the check and the uniqueTogether; the class replaces the initial migration.
            Squash squash = migrator.squash("app", "M0001Initial", "M0001Initial");
            Path squashed = MigrationWriter.writeTo(dir.resolve("src"),
                    MigrationWriter.writeSquashed("app.parts", "M0001Squashed", squash));
            assertThat(Files.readString(squashed)).contains("return List.of(\"M0001Initial\");")
                    .contains(".withChecks(List.of(CheckState.of(\"part_weight_positive\", \"weight > 0\")))")
                    .contains(".withUniqueTogether(List.of(List.of(\"maker\", \"code\")))");
            Class<? extends Migration> replacing = compile(squashed, "app.parts.M0001Squashed");
            assertThat(replacing.getDeclaredConstructor().newInstance().replaces()).containsExactly("M0001Initial");
            assertThat(Migrator.of(quarry, "app", List.of(replacing)).state()).isEqualTo(models);
            assertThat(squash.operations()).extracting(Operation::describe)
                    .containsExactly("Create model Writer", "Create model Part");
            // makemigrations' squash names the file after the run and writes it into the app's package.
            Path named = MakeMigrations.of(migrator, quarry, "app", "app.parts").squash(dir.resolve("src2"),
                    "M0001Initial", "M0001Initial");
            assertThat(named.getFileName().toString()).isEqualTo("M0001Squashed0001Initial.java");
            assertThat(Files.readString(named)).contains("public final class M0001Squashed0001Initial extends Migration")
                    .contains("return List.of(\"M0001Initial\");");
        }
    }

    @Test
    void emptyMigrationsAndConditionsWithHtmlOrCommentCharactersPassDoclint() throws Exception {
        // An --empty migration says so (no empty list); a condition with '<', '&' and '*' '/' stays text in the Javadoc.
        Path empty = MigrationWriter.writeTo(dir.resolve("src"), MigrationWriter.write("app.docs", "M0002Empty",
                List.of(), List.of()));
        assertThat(Files.readString(empty)).contains("Empty: write its operations").doesNotContain("<ul>");
        Path checked = MigrationWriter.writeTo(dir.resolve("src"), MigrationWriter.write("app.docs", "M0003Checks",
                List.of(), List.of(Operation.addConstraint("Part", CheckState.of("part_small",
                        "weight < 10 AND code <> '' AND weight*/*x*/2 >= 0 AND (weight & 1) = 0")))));
        assertThat(Files.readString(checked)).contains("weight &lt; 10").contains("*&#47;");
        compile(empty, "app.docs.M0002Empty", "-Xdoclint:all,-missing");
        compile(checked, "app.docs.M0003Checks", "-Xdoclint:all,-missing");
    }

    @SuppressWarnings("unchecked")
    private Class<? extends Migration> compile(Path source, String className, String... options) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path out = Files.createDirectories(dir.resolve("classes"));
        List<String> args = new java.util.ArrayList<>(List.of(options));
        args.addAll(List.of("-d", out.toString(), "-classpath", System.getProperty("java.class.path"), source.toString()));
        int status = javac.run(null, null, null, args.toArray(String[]::new));
        assertThat(status).as("javac exit status").isZero();
        URLClassLoader loader = new URLClassLoader(new java.net.URL[] {out.toUri().toURL()}, getClass().getClassLoader());
        return (Class<? extends Migration>) loader.loadClass(className);
    }

    @Test
    void singleOperationsReadAsWrittenByHand() {
        assertThat(MigrationWriter.operation(Operation.renameField("Book", "title", "name")).toString())
                .isEqualTo("dev.quarry.migrations.Operation.renameField(\"Book\", \"title\", \"name\")");
        assertThat(MigrationWriter.operation(Operation.addIndex("Book", IndexState.of("book_title_ix", "title")))
                .toString()).isEqualTo("dev.quarry.migrations.Operation.addIndex(\"Book\", "
                + "dev.quarry.migrations.IndexState.of(\"book_title_ix\", \"title\"))");
        assertThat(MigrationWriter.operation(Operation.runSql("UPDATE book SET isbn = ''", "")).toString())
                .isEqualTo("dev.quarry.migrations.Operation.runSql(java.util.List.of(\"UPDATE book SET isbn = ''\"), "
                        + "java.util.List.of())");
        assertThat(MigrationWriter.field(FieldState.of("rating", FieldType.SMALLINT).withNullable(true).withDefault((short) 3))
                .toString()).isEqualTo("dev.quarry.migrations.FieldState.of(\"rating\", dev.quarry.spi.FieldType.SMALLINT)"
                + ".withNullable(true).withDefault((short) 3)");
        assertThatThrownBy(() -> MigrationWriter.operation(Operation.runJava(q -> { })))
                .isInstanceOf(MigrationError.class).hasMessageContaining("Java steps are written by hand");
    }
}
