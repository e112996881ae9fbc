package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.test.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code quarry inspectdb}: the shop's tables, made by migrate, read back as model classes printed or written under a
 * source root; Quarry's own history table is left out; it needs no models in the settings (given in code here: a
 * properties file still names quarry.models).
 */
class InspectDbCommandTest {
    @TempDir
    Path folder;

    /** Settings with only a database, given in code: inspectdb is for a project without models yet. */
    private static Settings databaseOnly(TestDatabases.Isolated db, TestDatabases.Target target) {
        return Settings.builder().url(db.url(), target.user(), target.password()).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.quarry.cli.Cli#backends")
    void printsAModelPerTableWithItsForeignKeyAndLeavesTheHistoryOut(TestDatabases.Target target) throws Exception {
        TestDatabases.Isolated db = target.create();
        try {
            assertThat(Cli.run("--settings", Cli.shopSettings(folder, db, "dev.quarry.cli.shop"), "migrate").exit()).isZero();
            Settings settings = databaseOnly(db, target);

            Cli.Result r = Cli.runWith(settings, null, "inspectdb");
            assertThat(r.exit()).as("%s", r).isZero();
            assertThat(r.out()).contains("// Shelf.java\n").contains("// Bin.java\n").contains("public class Shelf extends Model")
                    .contains("public class Bin extends Model").contains("public Ref<Shelf> shelf;")
                    .contains("onDelete = OnDelete.DO_NOTHING").contains("@CharField(maxLength = 30)")
                    .doesNotContain("QuarryMigrations");

            Cli.Result one = Cli.runWith(settings, null, "inspectdb", "shelf");
            assertThat(one.out()).contains("public class Shelf extends Model").doesNotContain("class Bin");

            Path src = folder.resolve("src/main/java");
            Cli.Result files = Cli.runWith(settings, null, "inspectdb", "--package", "com.example.legacy", "-o", src.toString());
            assertThat(files.exit()).as("%s", files).isZero();
            Path bin = src.resolve("com/example/legacy/Bin.java");
            assertThat(files.out()).startsWith("Wrote 2 model classes from database 'default':\n").contains("  " + bin + "\n");
            assertThat(Files.readString(bin)).startsWith("package com.example.legacy;").contains("public Ref<Shelf> shelf;");

            Cli.Result unknown = Cli.runWith(settings, null, "inspectdb", "crate");
            assertThat(unknown.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(unknown.err()).contains("No table named [crate] in database 'default'. Its tables are: [");
            Cli.Result noPackage = Cli.runWith(settings, null, "inspectdb", "-o", src.toString());
            assertThat(noPackage.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(noPackage.err()).contains("inspectdb --output needs --package PACKAGE");
        } finally {
            db.drop();
        }
    }
}
